internal import NIOCore
import MultinetSystem

/// A point on the monotonic clock by which a request must be done.
struct KubeDeadline: Sendable, Equatable {
    /// Nanoseconds on ``MonotonicClock``.
    var uptimeNanoseconds: UInt64

    /// `seconds` from now.
    static func after(seconds: Double) -> KubeDeadline {
        let now = MonotonicClock.nanoseconds()
        guard seconds.isFinite, seconds < 9e9 else { return KubeDeadline(uptimeNanoseconds: UInt64.max) }
        return KubeDeadline(uptimeNanoseconds: now &+ UInt64(max(seconds, 0) * 1e9))
    }

    /// Seconds left, zero when passed.
    var remainingSeconds: Double {
        let now = MonotonicClock.nanoseconds()
        return uptimeNanoseconds > now ? Double(uptimeNanoseconds - now) / 1e9 : 0
    }

    /// Whether the deadline has passed.
    var hasPassed: Bool { remainingSeconds <= 0 }

    /// The same instant for NIO (whose clock is also `CLOCK_MONOTONIC`).
    var nioDeadline: NIODeadline {
        uptimeNanoseconds == UInt64.max ? .distantFuture : .uptimeNanoseconds(uptimeNanoseconds)
    }
}
