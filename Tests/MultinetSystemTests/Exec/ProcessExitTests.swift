import Testing
@testable import MultinetSystem

extension ExecTests {
    @Suite("Process exit")
    struct ProcessExitTests {
        @Test("decodes waitpid status words", arguments: [
            (Int32(0x0000), ProcessExit.exited(0)),
            (0x0100, .exited(1)),
            (0x2a00, .exited(42)),
            (0xff00, .exited(255)),
            (0x0009, .signaled(9)),
            (0x000f, .signaled(15)),
            (0x008b, .signaled(11)), // SIGSEGV with the core-dump flag
        ])
        func waitStatus(status: Int32, exit: ProcessExit) {
            #expect(ProcessExit(waitStatus: status) == exit)
        }

        @Test("describes itself for logs", arguments: [
            (ProcessExit.exited(1), "exited with status 1"),
            (.signaled(9), "killed by signal 9"),
            (.timedOut, "timed out"),
        ])
        func description(exit: ProcessExit, text: String) {
            #expect(exit.description == text)
        }
    }
}
