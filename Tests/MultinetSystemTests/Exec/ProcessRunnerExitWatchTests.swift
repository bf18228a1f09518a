#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MultinetSystem

extension ExecTests {
    @Suite("Process runner: watching the child's exit")
    struct ProcessRunnerExitWatchTests {
        static let modes: [ProcessRunner.ExitWatch] = [.best, .polling]

        @Test("this system has pidfd_open, so the runner watches exits with a pidfd")
        func pidfdAvailable() {
            // glibc 2.36 (Debian 12) and Linux 5.3 have it; without it `.best` polls.
            #expect(GNUFunctions.pidfdOpen != nil)
        }

        @Test("a child that closes its output long before it exits is reaped when it exits", arguments: modes)
        func closesOutputFirst(mode: ProcessRunner.ExitWatch) throws {
            let output = try ProcessRunner.run(ProcessRequest(
                executable: "/bin/sh", arguments: ["-c", "echo early; exec >&- 2>&-; sleep 0.3; exit 7"],
                environment: [ExecTestSupport.path], timeoutSeconds: 30), exitWatch: mode)
            #expect(output.exit == .exited(7))
            #expect(output.stdout == Array("early\n".utf8))
            #expect(output.durationNanoseconds >= 300_000_000)
        }

        @Test("exit statuses and output are the same either way", arguments: modes, [0, 1, 42])
        func statuses(mode: ProcessRunner.ExitWatch, status: Int32) throws {
            let output = try ProcessRunner.run(ProcessRequest(
                executable: "/bin/sh", arguments: ["-c", "printf out; printf err >&2; exit \(status)"],
                environment: [ExecTestSupport.path], timeoutSeconds: 30), exitWatch: mode)
            #expect(output.exit == .exited(status))
            #expect(output.stdout == Array("out".utf8))
            #expect(output.stderr == Array("err".utf8))
        }

        @Test("a timeout still kills a child that closed its output", arguments: modes)
        func timeoutAfterClosing(mode: ProcessRunner.ExitWatch) throws {
            let output = try ProcessRunner.run(ProcessRequest(
                executable: "/bin/sh", arguments: ["-c", "exec >&- 2>&-; exec sleep 30"],
                environment: [ExecTestSupport.path], timeoutSeconds: 0.3), exitWatch: mode)
            #expect(output.exit == .timedOut)
        }
    }
}
