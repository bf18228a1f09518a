#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MultinetSystem

extension ExecTests {
    @Suite("Monotonic clock")
    struct MonotonicClockTests {
        @Test("advances at least as far as a sleep lasts")
        func advances() {
            let before = MonotonicClock.nanoseconds()
            var request = timespec(tv_sec: 0, tv_nsec: 20_000_000)
            var remaining = timespec()
            while nanosleep(&request, &remaining) != 0 { request = remaining }
            let after = MonotonicClock.nanoseconds()
            #expect(after >= before + 20_000_000)
        }

        @Test("agrees with clock_gettime(CLOCK_MONOTONIC)")
        func matchesSystemClock() {
            var reference = timespec()
            clock_gettime(CLOCK_MONOTONIC, &reference)
            let referenceNanoseconds = UInt64(reference.tv_sec) * 1_000_000_000 + UInt64(reference.tv_nsec)
            let reading = MonotonicClock.nanoseconds()
            // Read after the reference, and (loosely) not long after it.
            #expect(reading >= referenceNanoseconds)
            #expect(reading - referenceNanoseconds < 10_000_000_000)
        }
    }
}
