import MultinetCore
import Synchronization

/// The ``DriftTracker`` a builder keeps across refreshes, so each drift's `since` is when
/// it was first seen in an unbroken run.
final class DriftHistory: Sendable {
    private let tracker = Mutex(DriftTracker())

    /// `entries` stamped with since when each has been seen.
    func observe(_ entries: [DriftEntry], at now: Int64) -> [DriftEntry] {
        tracker.withLock { $0.observe(entries, at: now) }
    }
}
