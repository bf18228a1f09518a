import Foundation
import Testing
@testable import MultinetSystem

extension ExecTests {
    @Suite("plugins a killed multinet left running are waited for, then killed")
    struct LeftoverPluginsTests {
        /// Starts `/bin/sh -c script` carrying `CNI_CONTAINERID=containerID`, as a delegate would.
        static func start(_ script: String, containerID: String) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            process.environment = ["PATH": "/usr/bin:/bin", "CNI_CONTAINERID": containerID, "CNI_COMMAND": "ADD"]
            try process.run()
            // `run` returns before the exec: until then /proc shows the test's own environment.
            let deadline = Date().addingTimeInterval(10)
            while !LeftoverPlugins.find(containerID: containerID, excluding: []).contains(process.processIdentifier),
                  Date() < deadline {
                usleep(1_000)
            }
            return process
        }

        static func uniqueID() -> String { "leftover\(UInt64.random(in: 1...UInt64.max))" }

        @Test("a leftover that finishes in time is waited for, not killed")
        func waitsForLeftover() throws {
            let id = Self.uniqueID()
            // The shell and its child `sleep` (which inherits the environment) are both leftovers.
            let process = try Self.start("sleep 0.3; exit 0", containerID: id)
            let outcome = LeftoverPlugins.settle(containerID: id, timeoutSeconds: 20)
            #expect(outcome.found.contains(process.processIdentifier), "\(outcome)")
            #expect(outcome.killed.isEmpty)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        }

        @Test("a leftover that outlives the timeout is killed")
        func killsHungLeftover() throws {
            let id = Self.uniqueID()
            let process = try Self.start("exec sleep 30", containerID: id)
            let outcome = LeftoverPlugins.settle(containerID: id, timeoutSeconds: 0.2)
            #expect(outcome.killed == [process.processIdentifier])
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        }

        @Test("other containers' plugins, and this process and its ancestors, are never leftovers")
        func onlyThisContainer() throws {
            let other = try Self.start("exec sleep 5", containerID: Self.uniqueID())
            defer { other.terminate() }
            let outcome = LeftoverPlugins.settle(containerID: Self.uniqueID(), timeoutSeconds: 0.1)
            #expect(outcome == LeftoverPlugins.Outcome(found: [], killed: []))
            let ancestry = LeftoverPlugins.ancestry()
            #expect(ancestry.first == getpid())
            #expect(ancestry.contains(getppid()) || getppid() <= 1)
        }

        @Test("environment blocks match whole entries only", arguments: [
            ("CNI_CONTAINERID=abc\u{0}PATH=/bin\u{0}", true),
            ("PATH=/bin\u{0}CNI_CONTAINERID=abc", true),
            ("CNI_CONTAINERID=abcd\u{0}", false),
            ("XCNI_CONTAINERID=abc\u{0}", false),
            ("", false),
        ])
        func environmentMatch(_ block: String, _ matches: Bool) {
            #expect(LeftoverPlugins.environment(Array(block.utf8), contains: Array("CNI_CONTAINERID=abc".utf8)) == matches)
        }

        @Test("the parent ID is read after the command, whatever the command holds", arguments: [
            ("123 (bridge) S 45 123 123 0", Int32(45)),
            ("77 (a) b (c) R 9 77 77 0", Int32(9)),
            ("garbage", nil),
        ])
        func parentID(_ stat: String, _ expected: Int32?) {
            #expect(LeftoverPlugins.parentID(stat: Array(stat.utf8)) == expected)
        }
    }
}
