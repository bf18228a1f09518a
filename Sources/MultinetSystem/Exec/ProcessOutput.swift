/// What `ProcessRunner.run` observed of a finished process.
public struct ProcessOutput: Sendable {
    /// How the process ended.
    public var exit: ProcessExit
    /// The standard output, at most the request's `outputLimit` bytes.
    public var stdout: [UInt8]
    /// The standard error, at most the request's `outputLimit` bytes.
    public var stderr: [UInt8]
    /// Whether the process wrote more to standard output than was kept.
    public var stdoutTruncated: Bool
    /// Whether the process wrote more to standard error than was kept.
    public var stderrTruncated: Bool
    /// The time from just before the process was started until it was reaped.
    public var durationNanoseconds: UInt64

    /// An output with every field given; for tests and fakes of a runner.
    public init(
        exit: ProcessExit,
        stdout: [UInt8] = [],
        stderr: [UInt8] = [],
        stdoutTruncated: Bool = false,
        stderrTruncated: Bool = false,
        durationNanoseconds: UInt64 = 0
    ) {
        self.exit = exit
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated
        self.stderrTruncated = stderrTruncated
        self.durationNanoseconds = durationNanoseconds
    }
}
