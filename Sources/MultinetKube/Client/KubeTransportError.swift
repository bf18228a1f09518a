internal import AsyncHTTPClient
internal import NIOCore
internal import NIOSSL
#if canImport(Glibc)
import Glibc
#endif

/// What went wrong below HTTP, sorted into what the retry policy and the error need.
enum KubeTransportError: Equatable {
    /// The deadline passed.
    case deadline
    /// The connection could not be made or broke (retried).
    case connection(String)
    /// The TLS handshake failed (not retried).
    case tls(String)
    /// The task was cancelled.
    case cancelled
    /// The response was larger than accepted (not retried).
    case tooLarge(limit: Int)

    /// Sorts an error thrown by the transport or while reading a body.
    static func classify(_ error: any Error) -> KubeTransportError {
        if error is CancellationError { return .cancelled }
        if let failure = error as? KubeTransportFailure {
            switch failure {
            case .deadlineExceeded: return .deadline
            case .bodyTooLarge(let limit): return .tooLarge(limit: limit)
            }
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded: return .deadline
            case .cancelled: return .cancelled
            case .connectTimeout: return .connection("timed out connecting")
            case .tlsHandshakeTimeout: return .connection("timed out in the TLS handshake")
            case .remoteConnectionClosed: return .connection("the connection was closed by the server")
            case .readTimeout: return .connection("no data received for too long")
            default: return .connection(String(describing: error))
            }
        }
        if let error = error as? NIOSSLError {
            if case .uncleanShutdown = error { return .connection(closedInHandshake) }
            if case .handshakeFailed(let inner) = error, closedConnection(inner) { return .connection(closedInHandshake) }
            return .tls(describe(error))
        }
        if let error = error as? BoringSSLError {
            return closedConnection(error) ? .connection(closedInHandshake) : .tls(describe(error))
        }
        if let error = error as? NIOSSLExtraError {
            let text = String(describing: error)
            if text.contains("failedToValidateHostname") { return .tls(wrongName) }
            return .tls(text)
        }
        if let error = error as? IOError { return .connection(describe(errno: error.errnoCode)) }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .connection("timed out connecting")
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return .connection("the connection was closed")
            default: return .connection(String(describing: error))
            }
        }
        // NIOPosix's NIOConnectionError (one failure per resolved address) and others.
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") { return .tls(untrustedCertificate) }
        return .connection(summarise(text))
    }

    static let untrustedCertificate =
        "the server's certificate is not signed by the configured certificate authority (CERTIFICATE_VERIFY_FAILED)"

    static let wrongName =
        "the server's certificate is not issued for the server's name; set tls-server-name to a name it is issued for"

    static let closedInHandshake = "the connection was closed during the TLS handshake"

    /// Whether a handshake failed because the peer went away (retried like any dropped
    /// connection) rather than because of what it presented.
    private static func closedConnection(_ error: BoringSSLError) -> Bool {
        switch error {
        case .zeroReturn, .syscallError: return true
        case .sslError(let stack), .unknownError(let stack):
            return stack.contains { String(describing: $0).contains("EOF during handshake") }
        default: return false
        }
    }

    private static func describe(_ error: NIOSSLError) -> String {
        switch error {
        case .handshakeFailed(let inner): describe(inner)
        default: String(describing: error)
        }
    }

    private static func describe(_ error: BoringSSLError) -> String {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") { return untrustedCertificate }
        if text.contains("ALERT_BAD_CERTIFICATE") || text.contains("ALERT_CERTIFICATE_REQUIRED")
            || text.contains("ALERT_UNKNOWN_CA") || text.contains("ALERT_HANDSHAKE_FAILURE") {
            return "the server rejected the TLS handshake (client certificate not accepted?): \(summarise(text))"
        }
        if text.contains("WRONG_VERSION_NUMBER") { return "the server does not speak TLS on this port" }
        return summarise(text)
    }

    private static func describe(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ECONNRESET: "connection reset by the server"
        case EPIPE: "the connection was closed by the server"
        case ETIMEDOUT: "connection timed out"
        case EHOSTUNREACH: "no route to host"
        case ENETUNREACH: "network unreachable"
        default: strerror(code).map { String(cString: $0) } ?? "errno \(code)"
        }
    }

    /// An error description made readable: `connection refused` rather than a dump.
    private static func summarise(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.contains("connection refused") || lower.contains("errno: 111") { return "connection refused" }
        if lower.contains("connection reset") || lower.contains("errno: 104") { return "connection reset by the server" }
        return String(text.prefix(300))
    }
}
