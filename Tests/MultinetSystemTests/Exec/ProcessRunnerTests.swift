#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MultinetSystem

extension ExecTests {
    @Suite("Process runner: input, output and exit")
    struct ProcessRunnerTests {
        @Test("cat echoes standard input", arguments: [0, 1, 65_536, 4 << 20])
        func catEchoesInput(size: Int) throws {
            let input = ExecTestSupport.pattern(count: size)
            let output = try ProcessRunner.run(ProcessRequest(executable: "/bin/cat", stdin: input, timeoutSeconds: 30))
            #expect(output.exit == .exited(0))
            #expect(output.stdout.count == input.count)
            #expect(output.stdout == input)
            #expect(output.stderr.isEmpty)
            #expect(!output.stdoutTruncated && !output.stderrTruncated)
        }

        @Test("no deadlock when the child writes 4 MiB before it reads 4 MiB of input")
        func writesBeforeReading() throws {
            let size = 4 << 20
            let input = ExecTestSupport.pattern(count: size)
            let output = try ExecTestSupport.sh("head -c \(size) /dev/zero; cat", stdin: input)
            #expect(output.exit == .exited(0))
            #expect(output.stdout.count == 2 * size)
            #expect(output.stdout.prefix(size).allSatisfy { $0 == 0 })
            #expect(Array(output.stdout.dropFirst(size)) == input)
        }

        @Test("standard output and error are captured separately, even when both are large")
        func separateStreams() throws {
            let small = try ExecTestSupport.sh("echo out; echo err >&2; echo more-out; exit 7")
            #expect(small.exit == .exited(7))
            #expect(ExecTestSupport.lines(small.stdout) == ["out", "more-out"])
            #expect(ExecTestSupport.lines(small.stderr) == ["err"])

            let large = try ExecTestSupport.sh("head -c 1000000 /dev/zero >&2; head -c 700000 /dev/zero")
            #expect(large.exit == .exited(0))
            #expect(large.stderr.count == 1_000_000)
            #expect(large.stdout.count == 700_000)
        }

        @Test("exit statuses are reported", arguments: [
            ("/bin/true", [], Int32(0)),
            ("/bin/false", [], 1),
            ("/bin/sh", ["-c", "exit 42"], 42),
            ("/bin/sh", ["-c", "exit 255"], 255),
        ] as [(String, [String], Int32)])
        func exitStatus(executable: String, arguments: [String], status: Int32) throws {
            let output = try ProcessRunner.run(ProcessRequest(executable: executable, arguments: arguments, timeoutSeconds: 30))
            #expect(output.exit == .exited(status))
            #expect(output.exit.isSuccess == (status == 0))
        }

        @Test("a child killed by a signal is reported as signaled", arguments: [
            ("kill -9 $$", SIGKILL),
            ("kill -TERM $$", SIGTERM),
            ("kill -INT $$", SIGINT),
        ])
        func signaled(script: String, signal: Int32) throws {
            let output = try ExecTestSupport.sh(script + "; echo survived")
            #expect(output.exit == .signaled(signal))
            #expect(output.stdout.isEmpty)
        }

        @Test("the environment is exactly the one given", arguments: [
            [],
            ["A=1"],
            ["B=two words", "A=1", "EMPTY=", "X==y"],
        ])
        func environment(entries: [String]) throws {
            let output = try ProcessRunner.run(ProcessRequest(executable: "/usr/bin/env", environment: entries, timeoutSeconds: 30))
            #expect(output.exit == .exited(0))
            #expect(ExecTestSupport.lines(output.stdout) == entries)
        }

        @Test("arguments arrive verbatim, with the executable path as argv[0]")
        func arguments() throws {
            let output = try ExecTestSupport.sh("cat /proc/$$/cmdline; exit 0", ["zero", "", "a b", "*", "$HOME"])
            #expect(output.exit == .exited(0))
            let argv = output.stdout.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            #expect(argv == ["/bin/sh", "-c", "cat /proc/$$/cmdline; exit 0", "zero", "", "a b", "*", "$HOME", ""])
        }

        @Test("output beyond the limit is drained, discarded and flagged", arguments: [
            (100_000, 1_000, 1_000, true),
            (1_000, 1_000, 1_000, false),
            (999, 1_000, 999, false),
            (1, 0, 0, true),
            (0, 0, 0, false),
        ])
        func outputLimit(written: Int, limit: Int, kept: Int, truncated: Bool) throws {
            let output = try ExecTestSupport.sh(
                "head -c \(written) /dev/zero; head -c \(written) /dev/zero >&2; echo done >&2",
                outputLimit: limit
            )
            #expect(output.exit == .exited(0))
            #expect(output.stdout.count == kept)
            #expect(output.stdoutTruncated == truncated)
            // "done\n" follows on stderr, so stderr overflows whenever there is any room to fill.
            #expect(output.stderr.count == min(written + 5, limit))
            #expect(output.stderrTruncated == (written + 5 > limit))
        }

        @Test("a child that does not read its input does not hang the runner or raise SIGPIPE", arguments: [
            ("exit 0", Int32(0)),
            ("exec 0<&-; sleep 0.1; exit 3", 3),
            ("sleep 0.2; exit 5", 5),
            ("head -c 10 >/dev/null; exit 6", 6),
        ])
        func unreadInput(script: String, status: Int32) throws {
            let output = try ExecTestSupport.sh(script, stdin: ExecTestSupport.pattern(count: 8 << 20))
            #expect(output.exit == .exited(status))

            // The runner's SIGPIPE is neither left blocked in this thread nor left pending.
            var mask = sigset_t()
            pthread_sigmask(SIG_BLOCK, nil, &mask)
            #expect(sigismember(&mask, SIGPIPE) == 0)
            var pending = sigset_t()
            sigpending(&pending)
            #expect(sigismember(&pending, SIGPIPE) == 0)
        }

        @Test("an infinite timeout means no deadline")
        func infiniteTimeout() throws {
            let output = try ProcessRunner.run(ProcessRequest(executable: "/bin/sh", arguments: ["-c", "echo ok"], timeoutSeconds: .infinity))
            #expect(output.exit == .exited(0))
            #expect(output.stdout == Array("ok\n".utf8))
        }
    }
}
