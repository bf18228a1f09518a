import MultinetJSON
import MultinetKubeAPI

extension KubeClient {
    /// Reads one object.
    public func get<R: KubeResource>(_ type: R.Type, name: String, namespace: String) async throws(KubeError) -> R {
        let exchange = try await perform("GET", R.resourceType.path(namespace: namespace, name: name),
                                         accept: R.representation.accept(list: false))
        return try decode(type, exchange)
    }

    /// Reads one page of objects: in `namespace`, or in all namespaces when it is `nil`.
    /// Pass the previous page's ``KubeList/continueToken`` to get the next page.
    public func list<R: KubeResource>(_ type: R.Type, namespace: String?, options listOptions: KubeListOptions = KubeListOptions(),
                                      continueToken: String? = nil) async throws(KubeError) -> KubeList<R> {
        var query = listOptions.queryItems
        if let continueToken { query.append(("continue", continueToken)) }
        let exchange = try await perform("GET", R.resourceType.path(namespace: namespace), query: query,
                                         accept: R.representation.accept(list: true))
        return try decodeList(type, exchange)
    }

    /// Reads every object, following `continue` tokens page by page (``KubeListOptions/limit``
    /// objects at a time). When a token expires (410) before the last page, the list starts
    /// over without pagination, as client-go's pager does. Each page is one request with
    /// its own deadline.
    public func listAll<R: KubeResource>(_ type: R.Type, namespace: String?,
                                         options listOptions: KubeListOptions = KubeListOptions()) async throws(KubeError) -> KubeList<R> {
        var page = try await list(type, namespace: namespace, options: listOptions)
        var items = page.items
        while let token = page.continueToken {
            do {
                page = try await list(type, namespace: namespace, options: listOptions, continueToken: token)
            } catch .gone {
                var unpaginated = listOptions
                unpaginated.limit = nil
                return try await list(type, namespace: namespace, options: unpaginated)
            }
            items += page.items
        }
        return KubeList(items: items, resourceVersion: page.resourceVersion)
    }

    /// Creates an object in `namespace` (a POST) and returns it as stored.
    public func create<R: KubeResource>(_ type: R.Type, namespace: String, object: JSONValue) async throws(KubeError) -> R {
        let exchange = try await perform("POST", R.resourceType.path(namespace: namespace),
                                         body: object.serialized(), contentType: "application/json",
                                         accept: R.representation.accept(list: false))
        return try decode(type, exchange)
    }

    /// Applies a JSON merge patch (RFC 7386) to one object and returns the object as stored.
    public func mergePatch<R: KubeResource>(_ type: R.Type, name: String, namespace: String,
                                            patch: JSONValue) async throws(KubeError) -> R {
        let exchange = try await perform("PATCH", R.resourceType.path(namespace: namespace, name: name),
                                         body: patch.serialized(), contentType: "application/merge-patch+json",
                                         accept: R.representation.accept(list: false))
        return try decode(type, exchange)
    }

    /// Sets annotations on one object with a JSON merge patch of `metadata.annotations`:
    /// a value sets the key, `nil` removes it, other annotations stay as they are.
    @discardableResult
    public func patchAnnotations<R: KubeResource>(_ type: R.Type, name: String, namespace: String,
                                                  annotations: [String: String?]) async throws(KubeError) -> R {
        try await mergePatch(type, name: name, namespace: namespace, patch: Self.annotationPatch(annotations))
    }

    /// `{"metadata":{"annotations":{…}}}` with keys in sorted order and `null` for removals.
    static func annotationPatch(_ annotations: [String: String?]) -> JSONValue {
        var values = JSONObject()
        for key in annotations.keys.sorted() {
            if let value = annotations[key] ?? nil { values[key] = .string(value) } else { values[key] = .null }
        }
        return .object(JSONObject([("metadata", .object(JSONObject([("annotations", .object(values))])))]))
    }
}
