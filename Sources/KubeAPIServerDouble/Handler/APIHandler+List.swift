extension APIHandler {
    /// The list options in a request's query.
    func listOptions(_ request: APIRequest, resource: ServedResource) throws -> ListOptions {
        var options = ListOptions()
        options.labelSelector = try LabelSelector.parse(request.queryValue("labelSelector") ?? "")
        options.fieldSelector = try FieldSelector.parse(request.queryValue("fieldSelector") ?? "", for: resource)
        if let text = request.queryValue("limit"), !text.isEmpty {
            guard let limit = Int(text), limit >= 0 else {
                throw APIStatusError.badRequest("invalid limit: \(text)")
            }
            options.limit = limit
        }
        options.continueToken = request.queryValue("continue")
        options.resourceVersion = request.queryValue("resourceVersion")
        options.resourceVersionMatch = request.queryValue("resourceVersionMatch")
        return options
    }

    func list(_ request: APIRequest, resource: ServedResource, namespace: String?) throws -> APIResponse {
        let options = try listOptions(request, resource: resource)
        let encoding = try ResponseEncoding.negotiate(
            accept: request.header("accept"), includeObject: request.queryValue("includeObject"), list: true)
        let result = try store.read { try $0.list(resource, namespace: namespace, options: options) }
        var metadata: KubeJSON.Object = ["resourceVersion": .string(String(result.resourceVersion))]
        if let token = result.continueToken { metadata["continue"] = .string(token) }
        if let remaining = result.remainingItemCount { metadata["remainingItemCount"] = .integer(remaining) }
        switch encoding {
        case .plain:
            return .json(listObject(resource, items: result.items, metadata: metadata))
        case .table(let includeObject):
            let converter = TableConverter(resource: resource, includeObject: includeObject, now: now())
            return .json(converter.table(result.items, listMetadata: metadata), contentType: encoding.contentType)
        case .partialMetadata:
            let list: KubeJSON = [
                "kind": "PartialObjectMetadataList", "apiVersion": "meta.k8s.io/v1",
                "metadata": .object(metadata), "items": .array(result.items.map(ResponseEncoding.partialMetadata)),
            ]
            return .json(list, contentType: encoding.contentType)
        }
    }

    /// A `PodList`-style object. Items of built-in kinds leave out `kind` and `apiVersion`,
    /// as typed lists are served; custom resources keep them.
    func listObject(_ resource: ServedResource, items: [KubeJSON], metadata: KubeJSON.Object) -> KubeJSON {
        let items: [KubeJSON] = items.map { item in
            guard !resource.isCustomResource, var object = item.objectValue else { return item }
            object["kind"] = nil
            object["apiVersion"] = nil
            return .object(object)
        }
        return [
            "kind": .string(resource.listKind), "apiVersion": .string(resource.apiVersion),
            "metadata": .object(metadata), "items": .array(items),
        ]
    }
}
