/// Remembers since when each drift has been seen, across refreshes: a drift that is gone
/// in one observation is forgotten, so `since` is the start of an unbroken run. The
/// agent's reclaim grace and the inspector's "since" column read it.
public struct DriftTracker: Sendable {
    private var firstSeen: [String: Int64] = [:]

    /// A tracker that has seen nothing.
    public init() {}

    /// `entries` with `since` set to when each was first seen (`now`, in milliseconds since
    /// the epoch, for a new one).
    public mutating func observe(_ entries: [DriftEntry], at now: Int64) -> [DriftEntry] {
        var seen: [String: Int64] = [:]
        let stamped = entries.map { entry in
            var entry = entry
            let since = firstSeen[entry.identity] ?? now
            seen[entry.identity] = since
            entry.since = since
            return entry
        }
        firstSeen = seen
        return stamped
    }
}
