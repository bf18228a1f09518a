import Foundation

/// Why a test-support helper could not do what a test asked.
///
/// Every case renders a message that names the command, what it printed and what to do
/// next, so a failing end-to-end test explains itself in the test log.
public enum TestSupportError: Error, Sendable, CustomStringConvertible {
    /// A command could not be started (for example the executable does not exist).
    case spawnFailed(command: [String], errno: Int32)
    /// A command ran and exited unsuccessfully.
    case commandFailed(command: [String], exitCode: Int32, stdout: String, stderr: String)
    /// A command ran longer than allowed and was killed.
    case timedOut(command: [String], seconds: Double, stdout: String, stderr: String)
    /// A CNI plugin invocation did not succeed; `summary` is the full report.
    case pluginFailed(summary: String)
    /// The machine lacks what end-to-end tests need.
    case environmentIncomplete(missing: [String])
    /// A built binary could not be found.
    case binaryNotFound(name: String, searched: [String])
    /// A command's output was not what the helper expected.
    case unexpectedOutput(command: [String], reason: String, output: String)
    /// A file-system operation failed.
    case fileSystem(path: String, reason: String)

    /// The full message, with the command's outputs where there are any.
    public var description: String {
        switch self {
        case let .spawnFailed(command, code):
            return "could not start `\(Self.render(command))`: \(String(cString: strerror(code))) (errno \(code))"
        case let .commandFailed(command, exitCode, stdout, stderr):
            return "`\(Self.render(command))` exited with status \(exitCode)"
                + Self.section("stdout", stdout) + Self.section("stderr", stderr)
        case let .timedOut(command, seconds, stdout, stderr):
            return "`\(Self.render(command))` did not finish within \(seconds) s and was killed"
                + Self.section("stdout", stdout) + Self.section("stderr", stderr)
        case let .pluginFailed(summary):
            return summary
        case let .environmentIncomplete(missing):
            return "end-to-end tests cannot run on this machine: " + missing.joined(separator: "; ")
                + " (set up the machine, or unset MULTINET_REQUIRE_E2E to skip these tests)"
        case let .binaryNotFound(name, searched):
            return "cannot find the `\(name)` binary (looked at \(searched.joined(separator: ", "))): "
                + "build it first with `swift build`, or point MULTINET_BINARY at it"
        case let .unexpectedOutput(command, reason, output):
            return "`\(Self.render(command))`: \(reason)" + Self.section("output", output)
        case let .fileSystem(path, reason):
            return "\(path): \(reason)"
        }
    }

    /// A command line as a person would type it.
    static func render(_ command: [String]) -> String {
        command.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
    }

    /// An indented, labelled block of output, or nothing when the output is empty.
    static func section(_ label: String, _ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "\n  \(label): (empty)" }
        let indented = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "    " + $0 }.joined(separator: "\n")
        return "\n  \(label):\n\(indented)"
    }
}
