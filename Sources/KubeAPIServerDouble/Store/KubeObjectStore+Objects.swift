extension KubeObjectStore {
    /// Stores a new object as given (a `status` is kept, unlike a POST), with server-set
    /// `uid`, `resourceVersion`, `creationTimestamp` and, when `namespace` is `nil`, the
    /// namespace from `metadata.namespace` (else `default`). Watches see an `ADDED` event.
    ///
    /// - Returns: the stored object.
    /// - Throws: ``APIStatusError`` as the apiserver would answer (409 `AlreadyExists`,
    ///   422 `Invalid`, ...).
    @discardableResult
    public func create(_ resource: ServedResource, _ object: KubeJSON, namespace: String? = nil) throws -> KubeJSON {
        let namespace = resource.namespaced ? (namespace ?? object.string(at: "metadata.namespace") ?? "default") : nil
        return try write { store in
            let (stored, event) = try store.create(resource, namespace: namespace, object: object, asServer: false)
            return (stored, event)
        }
    }

    /// The object, or `nil` when there is none.
    public func get(_ resource: ServedResource, namespace: String? = nil, name: String) -> KubeJSON? {
        read { try? $0.get(resource, namespace: namespace, name: name) }
    }

    /// Every object of `resource` (in `namespace`, or everywhere when `nil`), in key order.
    public func list(_ resource: ServedResource, namespace: String? = nil) -> [KubeJSON] {
        read { store in
            (try? store.list(resource, namespace: namespace, options: ListOptions()).items) ?? []
        }
    }

    /// Replaces an object as a PUT does, `status` included (a PUT on a pod would keep
    /// the stored status), and returns the stored object.
    ///
    /// - Throws: ``APIStatusError`` 404, 409 `Conflict` on a stale `resourceVersion`.
    @discardableResult
    public func update(_ resource: ServedResource, namespace: String? = nil, name: String, _ object: KubeJSON) throws -> KubeJSON {
        try write { store in
            let (stored, event) = try store.update(resource, namespace: namespace, name: name, object: object, subresource: .all)
            return (stored, event)
        }
    }

    /// Applies a JSON merge patch (RFC 7386) to an object, status included, and returns the
    /// stored object.
    ///
    /// - Throws: ``APIStatusError`` 404 when there is no such object.
    @discardableResult
    public func mergePatch(_ resource: ServedResource, namespace: String? = nil, name: String, _ patch: KubeJSON) throws -> KubeJSON {
        try write { store in
            let (stored, event) = try store.patch(
                resource, namespace: namespace, name: name, type: .merge, patch: patch, subresource: .all)
            return (stored, event)
        }
    }

    /// Deletes an object and returns its last state.
    ///
    /// - Throws: ``APIStatusError`` 404 when there is no such object.
    @discardableResult
    public func delete(_ resource: ServedResource, namespace: String? = nil, name: String) throws -> KubeJSON {
        try write { store in
            let (object, event) = try store.delete(resource, namespace: namespace, name: name)
            return (object, event)
        }
    }

    /// Drops the whole event history: watches and list continuations from any earlier
    /// resourceVersion now get `410 Gone` (reason `Expired`), as after an etcd compaction.
    public func compactHistory() {
        state.withLock { $0.store.compactHistory() }
    }
}
