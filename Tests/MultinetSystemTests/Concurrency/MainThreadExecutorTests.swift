import Dispatch
import Glibc
import MultinetSystem
import Testing

@Suite("MainThreadExecutor")
struct MainThreadExecutorTests {
    @Test("nonisolated async code runs on the thread that called run, before and after a suspension")
    func runsOnCallingThread() {
        let caller = UInt(pthread_self())
        let threads = MainThreadExecutor.run { () async -> [UInt] in
            var seen = [UInt(pthread_self())]
            seen.append(await Self.nested())
            // Resumed from another thread: the job comes back to the executor.
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(20)) { continuation.resume() }
            }
            seen.append(UInt(pthread_self()))
            seen.append(await Self.nested())
            return seen
        }
        #expect(threads == [caller, caller, caller, caller])
    }

    nonisolated static func nested() async -> UInt {
        UInt(pthread_self())
    }

    @Test("child tasks of a task group run on it too, and all of them finish")
    func childTasks() {
        let caller = UInt(pthread_self())
        let threads = MainThreadExecutor.run { () async -> [UInt] in
            await withTaskGroup(of: UInt.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        await Task.yield()
                        return UInt(pthread_self())
                    }
                }
                var all: [UInt] = []
                for await thread in group { all.append(thread) }
                return all
            }
        }
        #expect(threads.count == 8)
        #expect(Set(threads) == [caller])
    }

    @Test("a task sleeping on a timer is resumed and finishes")
    func sleeping() {
        let value = MainThreadExecutor.run { () async -> Int in
            try? await Task.sleep(for: .milliseconds(10))
            return 42
        }
        #expect(value == 42)
    }
}
