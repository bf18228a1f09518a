/// Which events one watch receives, and how a write looks through its selection.
///
/// As in the apiserver, an object that starts matching the selectors arrives as `ADDED`,
/// one that stops matching as `DELETED`, changes outside the selection are not sent.
struct WatchFilter: Sendable {
    var resource: ServedResource
    /// The namespace watched, or `nil` for all.
    var namespace: String?
    var options: ListOptions

    /// Whether `object` is within the watched namespace and selectors.
    func selects(_ object: KubeJSON) -> Bool {
        if resource.namespaced, let namespace, object.string(at: "metadata.namespace") != namespace { return false }
        return options.matches(object)
    }

    /// The event this watch sees for a write, or `nil` when the write is invisible to it.
    func translate(_ event: StoreEvent) -> (type: WatchEventType, object: KubeJSON)? {
        guard event.resource == resource else { return nil }
        switch event.type {
        case .added:
            return selects(event.object) ? (.added, event.object) : nil
        case .deleted:
            let before = event.previous ?? event.object
            return selects(before) || selects(event.object) ? (.deleted, event.object) : nil
        case .modified:
            let before = event.previous.map(selects) ?? false
            let now = selects(event.object)
            switch (before, now) {
            case (true, true): return (.modified, event.object)
            case (false, true): return (.added, event.object)
            case (true, false): return (.deleted, event.object)
            case (false, false): return nil
            }
        case .bookmark, .error:
            return nil
        }
    }
}
