#if canImport(Glibc)
import Glibc
#endif

/// How a process run by `ProcessRunner` ended.
public enum ProcessExit: Sendable, Equatable, CustomStringConvertible {
    /// The process called `exit` with this status (0–255).
    case exited(Int32)
    /// The process was terminated by this signal number.
    case signaled(Int32)
    /// The process outlived the request's timeout, and its process group was killed.
    case timedOut

    /// Whether the process exited with status 0.
    public var isSuccess: Bool { self == .exited(0) }

    /// A short phrase for logs and error details, for example "exited with status 1".
    public var description: String {
        switch self {
        case .exited(let status): "exited with status \(status)"
        case .signaled(let signal): "killed by signal \(signal)"
        case .timedOut: "timed out"
        }
    }

    /// Decodes a `waitpid` status word (what `WIFEXITED` and friends do in C).
    init(waitStatus status: Int32) {
        let signal = status & 0x7f
        if signal == 0 {
            self = .exited((status >> 8) & 0xff)
        } else {
            // Without WUNTRACED/WCONTINUED, anything not exited is a termination by signal.
            self = .signaled(signal)
        }
    }
}
