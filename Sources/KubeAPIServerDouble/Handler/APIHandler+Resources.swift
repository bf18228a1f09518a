extension APIHandler {
    /// The verb of a request on a resource path, in RBAC's words.
    static func verb(method: String, path: Route.ResourcePath, watch: Bool) -> String? {
        switch (method, path.name) {
        case ("GET", nil), ("HEAD", nil): return watch ? "watch" : "list"
        case ("GET", _?), ("HEAD", _?): return watch ? "watch" : "get"
        case ("POST", nil): return "create"
        case ("PUT", _?): return "update"
        case ("PATCH", _?): return "patch"
        case ("DELETE", nil): return "deletecollection"
        case ("DELETE", _?): return "delete"
        default: return nil
        }
    }

    func handleResource(_ request: APIRequest, path: Route.ResourcePath, user: KubeUser) throws -> APIResponse {
        let resource = path.resource
        let watch = request.queryFlag("watch")
        guard let verb = Self.verb(method: request.method, path: path, watch: watch) else {
            throw APIStatusError.methodNotAllowed
        }
        if forbiddenUsers.contains(user.name) {
            throw APIStatusError.forbidden(
                user: user.name, verb: verb, resource: resource, namespace: path.namespace, name: path.name)
        }
        var subresource = ObjectStore.Subresource.main
        if let name = path.subresource {
            guard name == "status", resource.hasStatusSubresource else { throw APIStatusError.pathNotFound }
            guard ["get", "update", "patch"].contains(verb) else { throw APIStatusError.methodNotAllowed }
            subresource = .status
        }
        let namespace = resource.namespaced ? path.namespace : nil
        let dryRun = request.query["dryRun"]?.contains("All") ?? false
        switch verb {
        case "list", "watch":
            if watch { return try startWatch(request, resource: resource, namespace: namespace, name: path.name) }
            return try list(request, resource: resource, namespace: namespace)
        case "get":
            let object = try store.read { try $0.get(resource, namespace: namespace, name: path.name!) }
            return try encode(object, request: request, resource: resource)
        case "create":
            guard !resource.namespaced || namespace != nil else { throw APIStatusError.methodNotAllowed }
            if requiresNamespaces, resource.namespaced, let namespace,
               store.get(.namespaces, name: namespace) == nil {
                throw APIStatusError.notFound(.namespaces, name: namespace)
            }
            let body = try Self.parseBody(request, resource: resource)
            let object = try store.write(dryRun: dryRun) { store in
                try store.create(resource, namespace: namespace, object: body)
            }
            return try encode(object, request: request, resource: resource, status: 201)
        case "update":
            let body = try Self.parseBody(request, resource: resource)
            let object = try store.write(dryRun: dryRun) { store in
                try store.update(resource, namespace: namespace, name: path.name!, object: body, subresource: subresource)
            }
            return try encode(object, request: request, resource: resource)
        case "patch":
            let contentType = request.header("content-type") ?? ""
            guard let type = PatchType(contentType: contentType) else {
                throw APIStatusError.unsupportedMediaType(contentType)
            }
            let patch = try Self.parseBody(request)
            let object = try store.write(dryRun: dryRun) { store in
                try store.patch(resource, namespace: namespace, name: path.name!, type: type, patch: patch, subresource: subresource)
            }
            return try encode(object, request: request, resource: resource)
        case "delete":
            let options = request.body.isEmpty ? nil : try Self.parseBody(request)
            let preconditions = ObjectStore.DeletePreconditions(deleteOptions: options)
            let object = try store.write(dryRun: dryRun) { store -> (KubeJSON, [StoreEvent]) in
                if resource == .namespaces {
                    let (object, events) = try store.deleteNamespace(path.name!, preconditions: preconditions)
                    return (object, events)
                }
                let (object, event) = try store.delete(resource, namespace: namespace, name: path.name!, preconditions: preconditions)
                return (object, event.map { [$0] } ?? [])
            }
            if resource.deleteReturnsObject || object.value(at: "metadata.deletionTimestamp") != nil {
                return try encode(object, request: request, resource: resource)
            }
            return .json(APIStatusError.successStatus(resource, name: path.name!, uid: object.string(at: "metadata.uid")))
        case "deletecollection":
            return try deleteCollection(request, resource: resource, namespace: namespace, dryRun: dryRun)
        default:
            throw APIStatusError.methodNotAllowed
        }
    }

    /// Parses the JSON body, or answers 400 as the apiserver does for bad JSON. Protobuf
    /// bodies of the kinds ``ProtobufBody`` knows are decoded too.
    static func parseBody(_ request: APIRequest, resource: ServedResource? = nil) throws -> KubeJSON {
        let contentType = request.header("content-type")?.split(separator: ";").first.map { $0.trimmingSpaces } ?? ""
        if contentType == ProtobufBody.contentType {
            guard let resource else { throw APIStatusError.unsupportedMediaType(contentType) }
            return try ProtobufBody.decode(request.body, for: resource)
        }
        do {
            return try KubeJSON.parse(request.body)
        } catch let error as KubeJSONParseError {
            throw APIStatusError.badRequest("couldn't get version/kind; json parse error: \(error)")
        }
    }

    /// An object in the encoding the request accepts.
    func encode(_ object: KubeJSON, request: APIRequest, resource: ServedResource, status: Int = 200) throws -> APIResponse {
        let encoding = try ResponseEncoding.negotiate(
            accept: request.header("accept"), includeObject: request.queryValue("includeObject"))
        switch encoding {
        case .plain:
            return .json(object, status: status)
        case .table(let includeObject):
            let converter = TableConverter(resource: resource, includeObject: includeObject, now: now())
            let metadata: KubeJSON.Object = ["resourceVersion": object["metadata"]?["resourceVersion"] ?? ""]
            return .json(converter.table([object], listMetadata: metadata), status: status, contentType: encoding.contentType)
        case .partialMetadata:
            return .json(ResponseEncoding.partialMetadata(object), status: status, contentType: encoding.contentType)
        }
    }

    private func deleteCollection(
        _ request: APIRequest, resource: ServedResource, namespace: String?, dryRun: Bool
    ) throws -> APIResponse {
        let options = try listOptions(request, resource: resource)
        let deleted = try store.write(dryRun: dryRun) { store -> ([KubeJSON], [StoreEvent]) in
            let victims = try store.list(resource, namespace: namespace, options: ListOptions(
                labelSelector: options.labelSelector, fieldSelector: options.fieldSelector))
            var objects: [KubeJSON] = []
            var events: [StoreEvent] = []
            for victim in victims.items {
                let (object, event) = try store.delete(
                    resource, namespace: victim.string(at: "metadata.namespace"),
                    name: victim.string(at: "metadata.name") ?? "")
                objects.append(object)
                if let event { events.append(event) }
            }
            return (objects, events)
        }
        let version = store.resourceVersion
        return .json(listObject(resource, items: deleted, metadata: ["resourceVersion": .string(String(version))]))
    }
}
