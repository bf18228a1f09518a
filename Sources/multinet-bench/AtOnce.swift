import Dispatch
import Foundation
import MultinetSystem
import Synchronization

/// Runs `count` calls truly at once: a thread each, all started and waiting at a gate,
/// then released together (a thread pool would run only as many at once as there are
/// cores). Returns the wall time from the release to the last call's end; throws the
/// first failure after all have ended.
enum AtOnce {
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws -> Double {
        let ready = DispatchSemaphore(value: 0), gate = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let failures = Mutex<[String]>([])
        for index in 0..<count {
            done.enter()
            let thread = Thread {
                ready.signal()
                gate.wait()
                do { try body(index) } catch { failures.withLock { $0.append("\(error)") } }
                done.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in 0..<count { ready.wait() }
        let start = MonotonicClock.nanoseconds()
        for _ in 0..<count { gate.signal() }
        done.wait()
        let elapsed = Double(MonotonicClock.nanoseconds() &- start) / 1e6
        let all = failures.withLock { $0 }
        if let first = all.first { throw BenchError.failed("\(all.count) of \(count) failed; the first: \(first)") }
        return elapsed
    }
}
