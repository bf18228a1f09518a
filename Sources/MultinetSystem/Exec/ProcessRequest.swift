/// A process for `ProcessRunner` to run: what to execute, with what, and within which limits.
public struct ProcessRequest: Sendable {
    /// The default for `outputLimit`: 16 MiB per stream.
    public static let defaultOutputLimit = 16 << 20

    /// The absolute path of the program. It is never searched for in `PATH`.
    public var executable: String
    /// The arguments after `argv[0]`; `argv[0]` is always `executable`.
    public var arguments: [String]
    /// The child's whole environment, as exact `KEY=VALUE` entries. Nothing is inherited.
    public var environment: [String]
    /// The bytes written to the child's standard input, which is then closed.
    public var stdin: [UInt8]
    /// Seconds after which the child's whole process group is killed with `SIGKILL`;
    /// `.infinity` for no limit.
    public var timeoutSeconds: Double
    /// The most bytes kept of each of standard output and standard error. The rest is
    /// still read (so the child never blocks on a full pipe), then discarded and flagged.
    public var outputLimit: Int

    /// A request to run `executable` with `arguments`, exactly `environment`, and `stdin`.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: [String] = [],
        stdin: [UInt8] = [],
        timeoutSeconds: Double,
        outputLimit: Int = ProcessRequest.defaultOutputLimit
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.stdin = stdin
        self.timeoutSeconds = timeoutSeconds
        self.outputLimit = outputLimit
    }
}

extension ProcessRequest {
    /// Throws `invalidRequest` unless the request can be passed to `posix_spawn` as is.
    func validate() throws(ProcessRunnerError) {
        func reject(_ reason: String) -> ProcessRunnerError {
            .invalidRequest(executable: executable, reason: reason)
        }
        guard executable.utf8.first == UInt8(ascii: "/") else {
            throw reject("the executable path is not absolute")
        }
        guard !executable.utf8.contains(0) else { throw reject("the executable path contains a NUL byte") }
        guard !arguments.contains(where: { $0.utf8.contains(0) }) else {
            throw reject("an argument contains a NUL byte")
        }
        for entry in environment {
            guard !entry.utf8.contains(0) else { throw reject("an environment entry contains a NUL byte") }
            guard let equals = entry.utf8.firstIndex(of: UInt8(ascii: "=")), equals != entry.utf8.startIndex else {
                throw reject("environment entry \"\(entry)\" is not KEY=VALUE")
            }
        }
        guard timeoutSeconds > 0 else { throw reject("the timeout \(timeoutSeconds) is not a positive number of seconds") }
        guard outputLimit >= 0 else { throw reject("the output limit \(outputLimit) is negative") }
    }

    /// The timeout in nanoseconds, or `nil` when it is too large to matter.
    var timeoutNanoseconds: UInt64? {
        let nanoseconds = timeoutSeconds * 1e9
        // About 292 years: beyond that (and for .infinity) there is no deadline.
        guard nanoseconds < 9.2e18 else { return nil }
        return UInt64(nanoseconds)
    }
}
