#if canImport(Glibc)
import Glibc
#endif

/// Why `ProcessRunner.run` could not run a process to completion.
///
/// A process that ran and failed is not an error: see `ProcessExit`.
public enum ProcessRunnerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request cannot be run as given (for example, a relative executable path).
    case invalidRequest(executable: String, reason: String)
    /// Creating or configuring the pipes for the child's standard streams failed.
    case pipeFailed(errno: Int32)
    /// Preparing `posix_spawn`'s attributes, file actions or argument strings failed in `function`.
    case spawnSetupFailed(executable: String, function: String, errno: Int32)
    /// `posix_spawn` failed: the executable does not exist, is not executable, or similar.
    case spawnFailed(executable: String, errno: Int32)
    /// `poll` on the child's pipes failed.
    case pollFailed(executable: String, errno: Int32)
    /// Reading the child's standard output or standard error failed.
    case readFailed(executable: String, errno: Int32)
    /// Writing the child's standard input failed (other than the child closing it).
    case writeFailed(executable: String, errno: Int32)
    /// `waitpid` for the child failed, for example because `SIGCHLD` is ignored.
    case waitFailed(executable: String, pid: Int32, errno: Int32)

    /// The `errno` value the failure carries, if any.
    public var errno: Int32? {
        switch self {
        case .invalidRequest: nil
        case .pipeFailed(let code), .spawnSetupFailed(_, _, let code), .spawnFailed(_, let code),
             .pollFailed(_, let code), .readFailed(_, let code), .writeFailed(_, let code),
             .waitFailed(_, _, let code):
            code
        }
    }

    /// A one-line explanation naming the executable and the system error.
    public var description: String {
        switch self {
        case .invalidRequest(let executable, let reason):
            "cannot run \(executable): \(reason)"
        case .pipeFailed(let code):
            "cannot create pipes for a child process: \(Self.describe(code))"
        case .spawnSetupFailed(let executable, let function, let code):
            "cannot prepare to start \(executable): \(function): \(Self.describe(code))"
        case .spawnFailed(let executable, let code):
            "cannot start \(executable): \(Self.describe(code))"
        case .pollFailed(let executable, let code):
            "cannot wait for the pipes of \(executable): poll: \(Self.describe(code))"
        case .readFailed(let executable, let code):
            "cannot read the output of \(executable): \(Self.describe(code))"
        case .writeFailed(let executable, let code):
            "cannot write the input of \(executable): \(Self.describe(code))"
        case .waitFailed(let executable, let pid, let code):
            "cannot wait for \(executable) (pid \(pid)): \(Self.describe(code))"
        }
    }

    /// `strerror`'s text with the number, for example "No such file or directory (errno 2)".
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return "\(String(cString: text)) (errno \(code))"
    }
}
