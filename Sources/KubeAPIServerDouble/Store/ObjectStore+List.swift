extension ObjectStore {
    /// Lists objects of `resource` (in `namespace`, or in all namespaces when `nil`), as a
    /// LIST does.
    ///
    /// Pages are consistent: a `continue` token shows the store as of the first page's
    /// resourceVersion (rebuilt from the event history), so objects written between pages
    /// neither appear nor vanish. `resourceVersion` with `resourceVersionMatch=Exact` lists
    /// the store as of that version.
    ///
    /// - Throws: ``APIStatusError`` 400 for a bad token, 410 `Expired` when the token's (or
    ///   the exact) resourceVersion is older than the history.
    func list(_ resource: ServedResource, namespace: String?, options: ListOptions) throws -> ListResult {
        var asOf = resourceVersion
        var afterKey: String?
        if let text = options.continueToken, !text.isEmpty {
            let token = try ContinueToken(decoding: text)
            guard history.canServe(after: token.resourceVersion) else {
                throw APIStatusError.expired(
                    "The provided continue parameter is too old to display a consistent list result. You can start a new "
                        + "list without the continue parameter, or use the continue token in this response to retrieve the "
                        + "remainder of the results. Continuing with the provided token results in an inconsistent list - "
                        + "objects that were created, modified, or deleted between the time the first chunk was returned "
                        + "and now may show up in the list.")
            }
            asOf = token.resourceVersion
            afterKey = token.lastKey
        } else if options.resourceVersionMatch == "Exact", let text = options.resourceVersion {
            guard let version = Int(text) else {
                throw APIStatusError.badRequest("invalid resource version: \(text)")
            }
            guard history.canServe(after: version) else {
                throw APIStatusError.expired("too old resource version: \(version) (\(history.compactedThrough))")
            }
            asOf = min(version, resourceVersion)
        }

        let snapshot = try self.snapshot(resource, asOf: asOf)
        let prefix = resource.namespaced ? namespace.map { "\($0)/" } : nil
        let keys = snapshot.keys.sorted().filter { key in
            if let prefix, !key.hasPrefix(prefix) { return false }
            if let afterKey, key <= afterKey { return false }
            return true
        }
        let matching = keys.filter { options.matches(snapshot[$0]!) }
        let limit = (options.limit ?? 0) > 0 ? options.limit! : Int.max
        let page = Array(matching.prefix(limit))
        var result = ListResult(items: page.map { snapshot[$0]! }, resourceVersion: asOf)
        if matching.count > page.count, let last = page.last {
            result.continueToken = ContinueToken(resourceVersion: asOf, lastKey: last).encoded
            if !options.hasSelectors { result.remainingItemCount = matching.count - page.count }
        }
        return result
    }

    /// The objects of `resource` as they were at `version`: the current ones with every
    /// later event undone.
    func snapshot(_ resource: ServedResource, asOf version: Int) throws -> [String: KubeJSON] {
        var state = objects[resource] ?? [:]
        guard version < resourceVersion else { return state }
        for event in try history.events(after: version).reversed() where event.resource == resource {
            state[event.key] = event.type == .added ? nil : event.previous
        }
        return state
    }
}
