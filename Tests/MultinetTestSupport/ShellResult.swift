/// How a ``Shell`` command ended.
public struct ShellResult: Sendable {
    /// The command as it was given.
    public var command: [String]
    /// The exit status (`128 + signal` when a signal ended it).
    public var status: Int32
    /// Standard output, decoded as UTF-8.
    public var stdout: String
    /// Standard error, decoded as UTF-8.
    public var stderr: String

    /// A result from its parts.
    public init(command: [String], status: Int32, stdout: String, stderr: String) {
        self.command = command
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Whether the command exited with status 0.
    public var succeeded: Bool { status == 0 }

    /// Returns `self` when the command succeeded; otherwise throws
    /// ``TestSupportError/commandFailed(command:exitCode:stdout:stderr:)`` with both outputs.
    @discardableResult
    public func requireSuccess() throws -> ShellResult {
        guard succeeded else {
            throw TestSupportError.commandFailed(command: command, exitCode: status, stdout: stdout, stderr: stderr)
        }
        return self
    }
}
