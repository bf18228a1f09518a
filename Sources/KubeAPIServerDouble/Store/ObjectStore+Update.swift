extension ObjectStore {
    /// Which part of an object a write may change.
    enum Subresource: String, Sendable {
        /// The object itself; for resources with a status subresource the status is kept.
        case main
        /// `/status`: only the status changes.
        case status
        /// Everything, status included (for tests that seed or edit objects directly).
        case all
    }

    /// Replaces an object, as a PUT does.
    ///
    /// A `metadata.resourceVersion` in the body must be the current one (else 409
    /// `Conflict`); without one the update is unconditional where the resource allows it
    /// (pods) and 422 `Invalid` otherwise (custom resources). The uid and creation timestamp
    /// are kept; an update that changes nothing does not write (the resourceVersion stays).
    ///
    /// - Throws: ``APIStatusError`` 400, 404, 409, 422.
    mutating func update(
        _ resource: ServedResource, namespace: String?, name: String, object body: KubeJSON,
        subresource: Subresource = .main
    ) throws -> (object: KubeJSON, event: StoreEvent?) {
        let current = try get(resource, namespace: namespace, name: name)
        var object = try Self.prepareBody(body, resource: resource, namespace: namespace)
        let bodyName = object.string(at: "metadata.name") ?? ""
        guard bodyName == name else {
            if bodyName.isEmpty {
                throw APIStatusError.invalid(resource, name: name, causes: [.init(
                    reason: "FieldValueRequired", message: "Required value: name or generateName is required",
                    field: "metadata.name")])
            }
            throw APIStatusError.badRequest(
                "the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        let currentVersion = current.string(at: "metadata.resourceVersion") ?? ""
        switch object.string(at: "metadata.resourceVersion") {
        case let given? where !given.isEmpty:
            guard given == currentVersion else { throw APIStatusError.conflict(resource, name: name) }
        default:
            guard resource.allowsUnconditionalUpdate else {
                throw APIStatusError.invalid(resource, name: name, causes: [.init(
                    reason: "FieldValueInvalid", message: "Invalid value: 0: must be specified for an update",
                    field: "metadata.resourceVersion")])
            }
        }
        if let uid = object.string(at: "metadata.uid"), !uid.isEmpty, uid != current.string(at: "metadata.uid") {
            throw APIStatusError.conflict(
                resource, name: name,
                problem: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(current.string(at: "metadata.uid") ?? "")")
        }
        if resource.hasStatusSubresource {
            switch subresource {
            case .main:
                object.setValue(current["status"], at: ["status"])
            case .status:
                let status = object["status"]
                object = current
                object.setValue(status, at: ["status"])
            case .all:
                break
            }
        }
        try Self.validate(object, resource: resource, previous: current)
        return try write(object, over: current, resource: resource, namespace: namespace, name: name)
    }

    /// Applies a PATCH of `type` to an object and stores the result like an update.
    ///
    /// A `metadata.resourceVersion` or `metadata.uid` the patch sets is a precondition, as
    /// for the apiserver; `name` and `namespace` cannot be changed.
    ///
    /// - Throws: ``APIStatusError`` 400, 404, 409, 415, 422.
    mutating func patch(
        _ resource: ServedResource, namespace: String?, name: String, type: PatchType, patch: KubeJSON,
        subresource: Subresource = .main
    ) throws -> (object: KubeJSON, event: StoreEvent?) {
        let current = try get(resource, namespace: namespace, name: name)
        var patched = try type.apply(patch, to: current, resource: resource)
        guard patched.objectValue != nil else {
            throw APIStatusError.badRequest("the patch produced something that is not an object")
        }
        if patched.string(at: "metadata.name") != name {
            throw APIStatusError.invalid(resource, name: name, causes: [.init(
                reason: "FieldValueInvalid", message: "Invalid value: \"\(patched.string(at: "metadata.name") ?? "")\": field is immutable",
                field: "metadata.name")])
        }
        if resource.namespaced, patched.string(at: "metadata.namespace") != namespace {
            throw APIStatusError.badRequest(
                "the namespace of the provided object does not match the namespace sent on the request")
        }
        // An absent resourceVersion after patching means "unconditional".
        if patched.string(at: "metadata.resourceVersion") == nil {
            patched.setValue(current["metadata"]?["resourceVersion"], at: ["metadata", "resourceVersion"])
        }
        return try update(resource, namespace: namespace, name: name, object: patched, subresource: subresource)
    }

    /// Stores `object` as the new state of an existing one, unless nothing changed.
    private mutating func write(
        _ object: KubeJSON, over current: KubeJSON, resource: ServedResource, namespace: String?, name: String
    ) throws -> (object: KubeJSON, event: StoreEvent?) {
        var object = object
        for field in ["uid", "creationTimestamp", "resourceVersion", "generation", "deletionTimestamp"] {
            object.setValue(current["metadata"]?[field], at: ["metadata", field])
        }
        object.setValue(nil, at: ["metadata", "selfLink"])
        if object == current { return (current, nil) }
        if resource.tracksGeneration, object["spec"] != current["spec"] {
            object.setValue(.integer((current.value(at: "metadata.generation")?.intValue ?? 0) + 1), at: ["metadata", "generation"])
        }
        let key = Self.key(resource, namespace: namespace, name: name)
        let version = nextResourceVersion()
        object.setValue(.string(String(version)), at: ["metadata", "resourceVersion"])
        if object.value(at: "metadata.deletionTimestamp") != nil,
           object.value(at: "metadata.finalizers")?.arrayValue?.isEmpty ?? true {
            let event = commit(.deleted, resource: resource, key: key, object: object, previous: current, resourceVersion: version)
            return (object, event)
        }
        let event = commit(.modified, resource: resource, key: key, object: object, previous: current, resourceVersion: version)
        return (object, event)
    }
}
