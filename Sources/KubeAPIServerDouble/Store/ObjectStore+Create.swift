extension ObjectStore {
    /// Creates an object, as a POST does.
    ///
    /// Sets `metadata.uid`, `resourceVersion`, `creationTimestamp`, `namespace` (when
    /// namespaced), `generation` where the resource tracks it, and `status.phase: Pending` for pods
    /// created without a status. A `generateName` without a name gets a random suffix.
    ///
    /// - Parameters:
    ///   - namespace: the namespace of the request URL (`nil` for cluster-scoped resources).
    ///   - asServer: `false` to store `object` as given apart from server-set metadata
    ///     (for seeding objects with a status); validation still applies.
    /// - Throws: ``APIStatusError`` 400 (not an object, wrong kind or namespace), 409
    ///   `AlreadyExists`, 422 `Invalid`.
    mutating func create(
        _ resource: ServedResource, namespace: String?, object: KubeJSON, asServer: Bool = true
    ) throws -> (object: KubeJSON, event: StoreEvent?) {
        var object = try Self.prepareBody(object, resource: resource, namespace: namespace)
        if object.string(at: "metadata.name")?.isEmpty ?? true,
           let prefix = object.string(at: "metadata.generateName"), !prefix.isEmpty {
            object.setValue(.string(prefix + Self.randomSuffix()), at: ["metadata", "name"])
        }
        try Self.validate(object, resource: resource)
        let name = object.string(at: "metadata.name") ?? ""
        let key = Self.key(resource, namespace: namespace, name: name)
        guard objects[resource]?[key] == nil else { throw APIStatusError.alreadyExists(resource, name: name) }

        let version = nextResourceVersion()
        object.setValue(.string(environment.makeUID()), at: ["metadata", "uid"])
        object.setValue(.string(String(version)), at: ["metadata", "resourceVersion"])
        object.setValue(.string(timestamp()), at: ["metadata", "creationTimestamp"])
        for field in ["deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields"] {
            object.setValue(nil, at: ["metadata", field])
        }
        if resource.tracksGeneration {
            object.setValue(.integer(1), at: ["metadata", "generation"])
        }
        if asServer, resource == .pods {
            object.setValue(["phase": "Pending", "qosClass": "BestEffort"], at: ["status"])
        }
        if asServer, resource == .namespaces {
            object.setValue(["phase": "Active"], at: ["status"])
        }
        if asServer, let status = initialStatus(resource, object: object) {
            object.setValue(status, at: ["status"])
        }
        let event = commit(.added, resource: resource, key: key, object: object, previous: nil, resourceVersion: version)
        return (object, event)
    }

    /// Checks the body is an object of the resource's kind, fills in `kind`/`apiVersion`
    /// when missing and sets the namespace from the URL.
    static func prepareBody(_ body: KubeJSON, resource: ServedResource, namespace: String?) throws -> KubeJSON {
        guard case .object(var object) = body else {
            throw APIStatusError.badRequest("the body of the request must be a JSON object")
        }
        if let kind = object["kind"]?.stringValue, kind != resource.kind {
            throw APIStatusError.badRequest(
                "the kind of the object (\(kind)) does not match the kind of the request (\(resource.kind))")
        }
        if let apiVersion = object["apiVersion"]?.stringValue, apiVersion != resource.apiVersion {
            throw APIStatusError.badRequest(
                "the API version in the data (\(apiVersion)) does not match the expected API version (\(resource.apiVersion))")
        }
        var result = KubeJSON.Object()
        result["kind"] = .string(resource.kind)
        result["apiVersion"] = .string(resource.apiVersion)
        for (key, value) in object where key != "kind" && key != "apiVersion" { result[key] = value }
        object = result
        var json = KubeJSON.object(object)
        if json["metadata"]?.objectValue == nil { json.setValue(.object([:]), at: ["metadata"]) }
        if resource.namespaced {
            let namespace = namespace ?? "default"
            if let given = json.string(at: "metadata.namespace"), !given.isEmpty, given != namespace {
                throw APIStatusError.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request")
            }
            json.setValue(.string(namespace), at: ["metadata", "namespace"])
        } else {
            json.setValue(nil, at: ["metadata", "namespace"])
        }
        return json
    }

    /// Five characters as the apiserver appends to a `generateName`.
    static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement()! })
    }
}
