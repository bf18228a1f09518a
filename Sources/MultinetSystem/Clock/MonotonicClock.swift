#if canImport(Glibc)
import Glibc
#endif

/// Reads `CLOCK_MONOTONIC`: a clock that never jumps with wall-clock changes, for
/// deadlines and durations.
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary, fixed point (on Linux, roughly the boot).
    ///
    /// Only differences between two readings are meaningful.
    public static func nanoseconds() -> UInt64 {
        var now = timespec()
        // CLOCK_MONOTONIC with a valid pointer cannot fail on Linux.
        _ = clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}
