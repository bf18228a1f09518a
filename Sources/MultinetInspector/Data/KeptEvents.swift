import MultinetKubeAPI
import MultinetSystem
import Synchronization

/// The Events a ``KubeClusterSource`` listed last, reused for a while: Events are listed
/// cluster-wide (they cannot be selected by node), so a view left open lists them at most
/// once per ``interval`` rather than every refresh.
final class KeptEvents: Sendable {
    /// Seconds a list is reused.
    let interval: Double
    private let last = Mutex<(events: [KubeEvent], at: UInt64)?>(nil)

    /// Events reused for `interval` seconds (0: list every time).
    init(interval: Double) {
        self.interval = interval
    }

    /// The kept list when it is younger than the interval.
    func fresh(now: UInt64 = MonotonicClock.nanoseconds()) -> [KubeEvent]? {
        last.withLock { last in
            guard let last, Double(now &- last.at) / 1e9 < interval else { return nil }
            return last.events
        }
    }

    /// Keeps a new list.
    func keep(_ events: [KubeEvent], now: UInt64 = MonotonicClock.nanoseconds()) {
        last.withLock { $0 = (events, now) }
    }
}
