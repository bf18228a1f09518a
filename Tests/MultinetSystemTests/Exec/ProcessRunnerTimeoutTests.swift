#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MultinetSystem

extension ExecTests {
    @Suite("Process runner: timeouts and leftover processes")
    struct ProcessRunnerTimeoutTests {
        /// The loose bound that proves a timeout (or grace period) cut a 30-second child short.
        static let bound: UInt64 = 10_000_000_000

        @Test("a child that outlives the timeout is killed with its whole process group", arguments: [
            "sleep SLEEP",
            "sleep SLEEP & wait",
            "echo before; sleep SLEEP & sleep SLEEP; echo after",
            "exec >&- 2>&-; sleep SLEEP",
        ])
        func timeoutKillsGroup(template: String) throws {
            let sleep = ExecTestSupport.uniqueSleep(seconds: 30)
            let started = MonotonicClock.nanoseconds()
            let output = try ExecTestSupport.sh(template.replacing("SLEEP", with: sleep), timeoutSeconds: 0.5)
            let elapsed = MonotonicClock.nanoseconds() - started

            #expect(output.exit == .timedOut)
            #expect(output.durationNanoseconds >= 500_000_000)
            #expect(output.durationNanoseconds < Self.bound)
            #expect(elapsed < Self.bound)
            // What was written before the timeout is kept; nothing after it.
            #expect(ExecTestSupport.lines(output.stdout) == (template.hasPrefix("echo before") ? ["before"] : []))
            #expect(try ExecTestSupport.processesGone(matching: sleep, within: 5))
        }

        @Test("a grandchild holding standard output open does not hold the runner once the child exits")
        func grandchildHoldsOutput() throws {
            let sleep = ExecTestSupport.uniqueSleep(seconds: 30)
            let output = try ExecTestSupport.sh("sleep \(sleep) & echo $!; echo bye >&2; exit 3", timeoutSeconds: 20)
            let grandchild = ExecTestSupport.lines(output.stdout).first.flatMap { pid_t($0) }
            defer { if let grandchild { kill(grandchild, SIGKILL) } }

            #expect(output.exit == .exited(3))
            #expect(output.durationNanoseconds < Self.bound)
            #expect(ExecTestSupport.lines(output.stderr) == ["bye"])
            let pid = try #require(grandchild)
            // Only a timeout kills the group: the grandchild is still there.
            #expect(kill(pid, 0) == 0)
            #expect(try ExecTestSupport.processExists(matching: sleep))
        }
    }
}
