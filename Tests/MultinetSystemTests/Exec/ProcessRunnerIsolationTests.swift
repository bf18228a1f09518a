#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MultinetSystem

extension ExecTests {
    @Suite("Process runner: descriptors and signals")
    struct ProcessRunnerIsolationTests {
        @Test("running 200 processes, through every path, leaks no file descriptor")
        func noDescriptorLeak() throws {
            let before = ExecTestSupport.openDescriptorCount()
            try #require(before > 0)
            for index in 0..<200 {
                switch index % 10 {
                case 0:
                    _ = try ExecTestSupport.sh("sleep 30", timeoutSeconds: 0.02)
                case 1:
                    #expect(throws: ProcessRunnerError.self) {
                        try ProcessRunner.run(ProcessRequest(executable: "/nonexistent/plugin", timeoutSeconds: 1))
                    }
                case 2:
                    _ = try ExecTestSupport.sh("head -c 100000 /dev/zero", outputLimit: 10)
                case 3:
                    _ = try ExecTestSupport.sh("exit 0", stdin: ExecTestSupport.pattern(count: 200_000))
                case 4:
                    _ = try ExecTestSupport.sh("kill -9 $$")
                default:
                    let output = try ProcessRunner.run(ProcessRequest(
                        executable: "/bin/cat", stdin: Array("\(index)".utf8), timeoutSeconds: 10
                    ))
                    #expect(output.stdout == Array("\(index)".utf8))
                }
            }
            // Other tests running in parallel open descriptors for a moment: a leak is the
            // count staying above where it started, so look for the lowest reading.
            var after = ExecTestSupport.openDescriptorCount()
            for _ in 0..<100 where after > before {
                usleep(10_000)
                after = min(after, ExecTestSupport.openDescriptorCount())
            }
            #expect(after <= before)
        }

        @Test("the child gets only descriptors 0, 1 and 2, even ones not marked close-on-exec")
        func onlyStandardDescriptors() throws {
            let inheritable = open("/dev/null", O_RDONLY)
            try #require(inheritable >= 0)
            let high: Int32 = 250
            try #require(dup2(inheritable, high) == high)
            close(inheritable)
            defer { close(high) }
            try #require(fcntl(high, F_GETFD) & FD_CLOEXEC == 0)

            let output = try ProcessRunner.run(ProcessRequest(executable: "/bin/ls", arguments: ["/proc/self/fd"], timeoutSeconds: 10))
            #expect(output.exit == .exited(0))
            let descriptors = Set(ExecTestSupport.lines(output.stdout))
            // ls itself holds one more, for reading the directory: the lowest free number, 3.
            #expect(descriptors == ["0", "1", "2", "3"])
        }

        @Test("the child starts with an empty signal mask and no ignored signals")
        func signalStateReset() throws {
            // Block two signals in this thread and ignore two process-wide, for the duration.
            var blocked = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, SIGUSR1)
            sigaddset(&blocked, SIGTERM)
            var previousMask = sigset_t()
            pthread_sigmask(SIG_BLOCK, &blocked, &previousMask)
            defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
            let previousINT = signal(SIGINT, SIG_IGN)
            defer { signal(SIGINT, previousINT) }
            let previousHUP = signal(SIGHUP, SIG_IGN)
            defer { signal(SIGHUP, previousHUP) }

            // The set-up took effect, so the child would inherit it if nothing reset it.
            let own = try Self.signalMasks(String(decoding: Self.read("/proc/thread-self/status"), as: UTF8.self))
            try #require(own.blocked & (1 << (SIGUSR1 - 1)) != 0)
            try #require(own.ignored & (1 << (SIGINT - 1)) != 0)

            let output = try ProcessRunner.run(ProcessRequest(executable: "/bin/cat", arguments: ["/proc/self/status"], timeoutSeconds: 10))
            #expect(output.exit == .exited(0))
            let child = try Self.signalMasks(String(decoding: output.stdout, as: UTF8.self))
            #expect(child.blocked == 0)
            #expect(child.ignored == 0)
        }

        @Test("the child leads its own process group")
        func ownProcessGroup() throws {
            let output = try ExecTestSupport.sh("echo $$; cut -d' ' -f5 /proc/$$/stat")
            #expect(output.exit == .exited(0))
            let ids = ExecTestSupport.lines(output.stdout).compactMap { pid_t($0) }
            try #require(ids.count == 2)
            #expect(ids[0] == ids[1])
            #expect(ids[1] != getpgrp())
        }

        /// The SigBlk and SigIgn bit masks of a /proc status file.
        static func signalMasks(_ status: String) throws -> (blocked: UInt64, ignored: UInt64) {
            func mask(_ key: String) throws -> UInt64 {
                let line = try #require(status.split(separator: "\n").first { $0.hasPrefix(key + ":") })
                return try #require(UInt64(line.dropFirst(key.count + 1).trimmingPrefix(while: \.isWhitespace), radix: 16))
            }
            return (try mask("SigBlk"), try mask("SigIgn"))
        }

        /// The contents of a small file, read by this thread (not by a child).
        static func read(_ path: String) throws -> [UInt8] {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            var contents: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = Glibc.read(descriptor, &chunk, chunk.count)
                try #require(count >= 0)
                if count == 0 { return contents }
                contents += chunk[..<count]
            }
        }
    }
}
