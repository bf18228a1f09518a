#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MultinetSystem

/// The namespace of the process runner's test suites, so `swift test --filter Exec` runs them.
/// The process runner's tests block their thread while children run (some for seconds,
/// by design). Run one at a time so they never hold all of Swift's shared threads, which
/// the apiserver-client tests running alongside need for their deadlines.
@Suite(.serialized)
enum ExecTests {}

/// Shared helpers for the process runner tests.
enum ExecTestSupport {
    /// A PATH for shell scripts, which otherwise get no environment at all.
    static let path = "PATH=/usr/bin:/bin"

    /// Runs `/bin/sh -c script` with `arguments` as `$0`, `$1`, ….
    static func sh(
        _ script: String,
        _ arguments: [String] = [],
        stdin: [UInt8] = [],
        environment: [String] = [path],
        timeoutSeconds: Double = 30,
        outputLimit: Int = ProcessRequest.defaultOutputLimit
    ) throws -> ProcessOutput {
        try ProcessRunner.run(ProcessRequest(
            executable: "/bin/sh",
            arguments: ["-c", script] + arguments,
            environment: environment,
            stdin: stdin,
            timeoutSeconds: timeoutSeconds,
            outputLimit: outputLimit
        ))
    }

    /// `count` bytes of a pattern that is not periodic in any small power of two.
    static func pattern(count: Int) -> [UInt8] {
        var state: UInt32 = 0x1234_5678
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    /// A `sleep` operand that lasts `seconds` and whose digits make the command line
    /// unique, so `pgrep -f` can find exactly that process.
    static func uniqueSleep(seconds: Int) -> String {
        "\(seconds).\(UInt32.random(in: 100_000_000...999_999_999))"
    }

    /// Whether any process's command line matches `pattern`, per `pgrep -f`.
    static func processExists(matching pattern: String) throws -> Bool {
        let output = try ProcessRunner.run(ProcessRequest(
            executable: "/usr/bin/pgrep", arguments: ["-f", pattern], timeoutSeconds: 10
        ))
        return output.exit == .exited(0)
    }

    /// Polls until no process matches `pattern` (true) or `seconds` pass (false).
    /// A killed process can take a moment to disappear from /proc.
    static func processesGone(matching pattern: String, within seconds: Double) throws -> Bool {
        let deadline = MonotonicClock.nanoseconds() + UInt64(seconds * 1e9)
        while try processExists(matching: pattern) {
            if MonotonicClock.nanoseconds() > deadline { return false }
            usleep(20_000)
        }
        return true
    }

    /// How many of this process's open descriptors are pipes.
    static func openDescriptorCount() -> Int {
        guard let directory = opendir("/proc/self/fd") else { return -1 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            // Only pipes: the runner opens nothing else, and servers or HTTP clients of tests
            // running alongside open and close sockets all the time.
            guard name != "." && name != ".." else { continue }
            var target = [CChar](repeating: 0, count: 64)
            let length = readlink("/proc/self/fd/" + name, &target, target.count - 1)
            if length > 0, String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self).hasPrefix("pipe:") {
                count += 1
            }
        }
        return count
    }

    /// The lines of `bytes` decoded as UTF-8, without the final newline's empty line.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
