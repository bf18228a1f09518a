import Synchronization

/// Where one plugin invocation spends its time: named phases, each with the total
/// nanoseconds and the number of times it ran.
///
/// Recording costs two monotonic clock reads and a lock; the summary is only logged at
/// `debug` level (the benchmark's profile reads it; see README "Performance"). Phases may
/// nest (`delegate` inside an attachment) and may run concurrently (apiserver lookups), so
/// they are not meant to add up to the total.
public final class PhaseClock: Sendable {
    /// One phase's totals.
    public struct Phase: Sendable, Equatable {
        /// The phase's name, e.g. `store.write`.
        public var name: String
        /// Total nanoseconds over every run.
        public var nanoseconds: UInt64
        /// How many times it ran.
        public var count: Int
    }

    private let phases = Mutex<[Phase]>([])

    /// An empty clock.
    public init() {}

    /// Adds one run of `name` lasting `nanoseconds`.
    public func record(_ name: String, nanoseconds: UInt64) {
        phases.withLock { phases in
            if let index = phases.firstIndex(where: { $0.name == name }) {
                phases[index].nanoseconds &+= nanoseconds
                phases[index].count += 1
            } else {
                phases.append(Phase(name: name, nanoseconds: nanoseconds, count: 1))
            }
        }
    }

    /// Runs `body`, recording its duration under `name` (also when it throws).
    public func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = MonotonicClock.nanoseconds()
        defer { record(name, nanoseconds: MonotonicClock.nanoseconds() &- start) }
        return try body()
    }

    /// Runs async `body`, recording its duration under `name` (also when it throws).
    public func measure<T, E: Error>(_ name: String, _ body: () async throws(E) -> T) async throws(E) -> T {
        let start = MonotonicClock.nanoseconds()
        defer { record(name, nanoseconds: MonotonicClock.nanoseconds() &- start) }
        return try await body()
    }

    /// Every phase so far, in the order each first ran.
    public var snapshot: [Phase] { phases.withLock { $0 } }

    /// The phases as log metadata values: `"<ms>ms/<count>"`, milliseconds with two decimals
    /// (e.g. `"1.25ms/2"`), keyed by phase name.
    public var summary: [(name: String, value: String)] {
        snapshot.map { phase in
            (phase.name, "\(Self.milliseconds(phase.nanoseconds))ms/\(phase.count)")
        }
    }

    /// Nanoseconds as milliseconds with two decimals, e.g. `1234567` → `"1.23"`.
    public static func milliseconds(_ nanoseconds: UInt64) -> String {
        let hundredths = (nanoseconds + 5_000) / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
