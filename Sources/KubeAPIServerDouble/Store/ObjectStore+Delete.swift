extension ObjectStore {
    /// Preconditions a DELETE may carry in its `DeleteOptions` body.
    struct DeletePreconditions: Sendable, Equatable {
        var uid: String?
        var resourceVersion: String?

        /// The `preconditions` of a `DeleteOptions` object (none when absent).
        init(deleteOptions: KubeJSON?) {
            uid = deleteOptions?.string(at: "preconditions.uid")
            resourceVersion = deleteOptions?.string(at: "preconditions.resourceVersion")
        }

        init(uid: String? = nil, resourceVersion: String? = nil) {
            self.uid = uid
            self.resourceVersion = resourceVersion
        }
    }

    /// Deletes an object, as a DELETE does, and returns its last state (carrying the
    /// deletion's resourceVersion).
    ///
    /// Deletion is immediate (there is no kubelet to wait for), unless the object has
    /// `metadata.finalizers`: then it only gets a `deletionTimestamp` and goes once an
    /// update empties its finalizers.
    ///
    /// - Throws: ``APIStatusError`` 404 `NotFound`, 409 `Conflict` when a precondition fails.
    mutating func delete(
        _ resource: ServedResource, namespace: String?, name: String,
        preconditions: DeletePreconditions = DeletePreconditions()
    ) throws -> (object: KubeJSON, event: StoreEvent?) {
        let current = try get(resource, namespace: namespace, name: name)
        if let uid = preconditions.uid, uid != current.string(at: "metadata.uid") {
            throw APIStatusError.conflict(
                resource, name: name,
                problem: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(current.string(at: "metadata.uid") ?? "")")
        }
        if let version = preconditions.resourceVersion, version != current.string(at: "metadata.resourceVersion") {
            throw APIStatusError.conflict(
                resource, name: name,
                problem: "Precondition failed: ResourceVersion in precondition: \(version), ResourceVersion in object meta: \(current.string(at: "metadata.resourceVersion") ?? "")")
        }
        let key = Self.key(resource, namespace: namespace, name: name)
        let hasFinalizers = !(current.value(at: "metadata.finalizers")?.arrayValue?.isEmpty ?? true)
        if hasFinalizers {
            if current.value(at: "metadata.deletionTimestamp") != nil { return (current, nil) }
            var object = current
            let version = nextResourceVersion()
            object.setValue(.string(timestamp()), at: ["metadata", "deletionTimestamp"])
            object.setValue(.integer(0), at: ["metadata", "deletionGracePeriodSeconds"])
            object.setValue(.string(String(version)), at: ["metadata", "resourceVersion"])
            let event = commit(.modified, resource: resource, key: key, object: object, previous: current, resourceVersion: version)
            return (object, event)
        }
        var object = current
        let version = nextResourceVersion()
        object.setValue(.string(String(version)), at: ["metadata", "resourceVersion"])
        let event = commit(.deleted, resource: resource, key: key, object: object, previous: current, resourceVersion: version)
        return (object, event)
    }
}

extension ObjectStore {
    /// Deletes a namespace and, first, every object in it (what the namespace controller
    /// does in a cluster, done at once), returning the namespace's last state and all
    /// the events.
    mutating func deleteNamespace(
        _ name: String, preconditions: DeletePreconditions = DeletePreconditions()
    ) throws -> (object: KubeJSON, events: [StoreEvent]) {
        _ = try get(.namespaces, namespace: nil, name: name)
        var events: [StoreEvent] = []
        for resource in objects.keys.sorted(by: { $0.qualifiedName < $1.qualifiedName }) where resource.namespaced {
            let keys = (objects[resource] ?? [:]).keys.filter { $0.hasPrefix(name + "/") }.sorted()
            for key in keys {
                let objectName = String(key.dropFirst(name.count + 1))
                let (_, event) = try delete(resource, namespace: name, name: objectName)
                if let event { events.append(event) }
            }
        }
        let (object, event) = try delete(.namespaces, namespace: nil, name: name, preconditions: preconditions)
        if let event { events.append(event) }
        return (object, events)
    }
}
