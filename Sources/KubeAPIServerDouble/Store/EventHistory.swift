/// The bounded history of writes that watches and consistent list continuations replay.
///
/// It keeps the last `capacity` events. A resourceVersion older than the newest evicted
/// event can no longer be served: watching from it answers `410 Gone`.
struct EventHistory: Sendable {
    /// How many events are kept.
    let capacity: Int
    private(set) var events: [StoreEvent] = []
    /// The resourceVersion up to which history was dropped; versions below it are expired.
    private(set) var compactedThrough = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Records an event, evicting the oldest when full.
    mutating func append(_ event: StoreEvent) {
        events.append(event)
        if events.count > capacity {
            let overflow = events.count - capacity
            compactedThrough = events[overflow - 1].resourceVersion
            events.removeFirst(overflow)
        }
    }

    /// Drops every event up to and including `resourceVersion`.
    mutating func compact(through resourceVersion: Int) {
        compactedThrough = max(compactedThrough, resourceVersion)
        events.removeAll { $0.resourceVersion <= resourceVersion }
    }

    /// Whether the history still holds every event after `resourceVersion`.
    func canServe(after resourceVersion: Int) -> Bool {
        resourceVersion >= compactedThrough
    }

    /// The events after `resourceVersion`, oldest first.
    ///
    /// - Throws: ``APIStatusError`` 410 `Expired` (`too old resource version: RV (OLDEST)`)
    ///   when some of them were evicted.
    func events(after resourceVersion: Int) throws -> ArraySlice<StoreEvent> {
        guard canServe(after: resourceVersion) else {
            throw APIStatusError.expired("too old resource version: \(resourceVersion) (\(compactedThrough))")
        }
        let start = events.firstIndex { $0.resourceVersion > resourceVersion } ?? events.endIndex
        return events[start...]
    }
}
