#if canImport(Glibc)
import Glibc
#endif

/// A failure talking to the kernel over netlink.
public enum NetlinkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed: which, and `errno`.
    case system(call: String, errno: Int32)
    /// The kernel refused a request: its `errno` and, when it gave one, its own text.
    case kernel(request: String, errno: Int32, message: String?)
    /// A message from the kernel does not have the layout netlink prescribes.
    case malformed(String)
    /// No answer came in time.
    case timedOut(request: String)

    /// The C library's text for an `errno`, such as `Network is unreachable`.
    public static func text(ofErrno code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }

    /// The `errno` of a system or kernel failure.
    public var errno: Int32? {
        switch self {
        case .system(_, let code), .kernel(_, let code, _): code
        case .malformed, .timedOut: nil
        }
    }

    public var description: String {
        switch self {
        case .system(let call, let code):
            "\(call) failed: \(Self.text(ofErrno: code)) (errno \(code))"
        case .kernel(let request, let code, let message):
            "the kernel refused \(request): \(Self.text(ofErrno: code)) (errno \(code))" + (message.map { ": \($0)" } ?? "")
        case .malformed(let reason):
            "malformed netlink message: \(reason)"
        case .timedOut(let request):
            "no answer from the kernel to \(request)"
        }
    }
}
