import Glibc
import KubeAPIServerDouble
import Synchronization
import Testing
@testable import MultinetKube
@testable import MultinetSystem

extension KubeTests {
    @Suite("a request's deadline is settled by a timer, not by the operation")
    struct KubeDeadlineRaceTests {
        /// Seconds since `start` on the monotonic clock.
        static func elapsed(since start: UInt64) -> Double {
            Double(MonotonicClock.nanoseconds() - start) / 1e9
        }

        /// Runs on threads of its own: the caller resumes when the timer settles the race,
        /// and on the shared cooperative threads that would wait for whatever other tests
        /// running in parallel block them with (process waits, SQLite busy waits), which is
        /// not what this measures. Seen once on a 2-core machine: 2.9 s.
        @Test("an operation that ignores cancellation and answers late still times out at the deadline")
        func lateAnswerIsDiscarded() async throws {
            try await withTaskExecutorPreference(DedicatedExecutor.shared) {
                try await lateAnswerIsDiscardedOnDedicatedThreads()
            }
        }

        private func lateAnswerIsDiscardedOnDedicatedThreads() async throws {
            let start = MonotonicClock.nanoseconds()
            let outcome: Result<Int, any Error>
            do {
                // Sleeps on a thread of its own, deaf to cancellation, then "succeeds": what
                // AsyncHTTPClient did when its deadline was acted on after the answer arrived.
                outcome = .success(try await KubeDeadlineRace.run(until: .after(seconds: 0.5)) {
                    await DedicatedThread.run { () -> Int in
                        usleep(3_000_000)
                        return 7
                    }
                })
            } catch {
                outcome = .failure(error)
            }
            let seconds = Self.elapsed(since: start)
            guard case .failure(let error) = outcome else {
                Issue.record("a 3 s operation beat a 0.5 s deadline: \(outcome)")
                return
            }
            #expect(error as? KubeTransportFailure == .deadlineExceeded, "\(error)")
            #expect(seconds < 1.5, "the deadline fired after \(seconds) s")
        }

        @Test("an operation that finishes in time returns its value, and its error passes through")
        func inTime() async throws {
            let value = try await KubeDeadlineRace.run(until: .after(seconds: 5)) { 42 }
            #expect(value == 42)
            struct Boom: Error, Equatable {}
            await #expect(throws: Boom.self) {
                try await KubeDeadlineRace.run(until: .after(seconds: 5)) { () async throws -> Int in throw Boom() }
            }
        }

        @Test("a deadline already passed fails without starting the operation")
        func alreadyPassed() async throws {
            let started = Counter()
            await #expect(throws: KubeTransportFailure.deadlineExceeded) {
                try await KubeDeadlineRace.run(until: .after(seconds: 0)) { started.increment() }
            }
            #expect(started.value == 0)
        }

        @Test("cancelling the caller cancels the operation and throws CancellationError")
        func cancellation() async throws {
            let task = Task {
                try await KubeDeadlineRace.run(until: .after(seconds: 30)) {
                    try await Task.sleep(nanoseconds: 20_000_000_000)
                    return 1
                }
            }
            try await Task.sleep(nanoseconds: 100_000_000)
            let start = MonotonicClock.nanoseconds()
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(Self.elapsed(since: start) < 10)
        }

        @Test("no deadline: the operation simply runs")
        func noDeadline() async throws {
            let forever = KubeDeadline(uptimeNanoseconds: UInt64.max)
            #expect(try await KubeDeadlineRace.run(until: forever) { "done" } == "done")
        }
    }
}

/// A thread-safe count.
private final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}
