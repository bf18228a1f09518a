import MultinetKubeAPI

/// Why a request to the apiserver failed. Each case carries the request (server, method,
/// path, attempts) and either the server's `Status` or the local reason; the description
/// reads as one sentence for an operator and never contains credentials.
public enum KubeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 404: the object (or its namespace, or the resource type) does not exist.
    case notFound(KubeRequestDescription, KubeStatus)
    /// 409 `AlreadyExists`: an object of that name exists.
    case alreadyExists(KubeRequestDescription, KubeStatus)
    /// 409: the write conflicts with a newer version of the object.
    case conflict(KubeRequestDescription, KubeStatus)
    /// 410 `Expired`/`Gone`: the resourceVersion or continue token is too old; relist.
    case gone(KubeRequestDescription, KubeStatus)
    /// 401: the credentials were rejected.
    case unauthorized(KubeRequestDescription, KubeStatus)
    /// 403: the user may not do this.
    case forbidden(KubeRequestDescription, KubeStatus)
    /// 422: the object or patch is invalid.
    case invalid(KubeRequestDescription, KubeStatus)
    /// 400: the request is malformed.
    case badRequest(KubeRequestDescription, KubeStatus)
    /// 429: the server is throttling; retried while the deadline allowed.
    case tooManyRequests(KubeRequestDescription, KubeStatus)
    /// 5xx: the server failed; retried while the deadline allowed.
    case serverError(KubeRequestDescription, KubeStatus)
    /// Another HTTP status (405, 406, 415, a redirect, …).
    case unexpectedStatus(KubeRequestDescription, KubeStatus)
    /// No answer in time: the client's deadline (`apiTimeoutSeconds`) passed, or the server
    /// reported a timeout (504, reason `Timeout`).
    case timeout(KubeRequestDescription, reason: String)
    /// No connection: refused, reset, closed, name not resolved; retried while the deadline
    /// allowed. `reason` is the last underlying connection error.
    case unreachable(KubeRequestDescription, reason: String)
    /// The TLS handshake failed: most often the server's certificate is not signed by the
    /// configured certificate authority, or not valid for the server's name.
    case tlsFailure(KubeRequestDescription, reason: String)
    /// The answer is not the JSON expected.
    case decoding(KubeRequestDescription, KubeDecodingError)
    /// Credentials could not be obtained: a token file is unreadable or an exec plugin failed.
    case credentials(KubeRequestDescription, reason: String)
    /// The connection settings cannot be used (a certificate or key that does not parse).
    case invalidConfiguration(server: String, reason: String)
    /// The calling task was cancelled.
    case cancelled(KubeRequestDescription)

    /// The failed request, when there was one.
    public var request: KubeRequestDescription? {
        switch self {
        case .notFound(let r, _), .alreadyExists(let r, _), .conflict(let r, _), .gone(let r, _),
             .unauthorized(let r, _), .forbidden(let r, _), .invalid(let r, _), .badRequest(let r, _),
             .tooManyRequests(let r, _), .serverError(let r, _), .unexpectedStatus(let r, _):
            r
        case .timeout(let r, _), .unreachable(let r, _), .tlsFailure(let r, _), .credentials(let r, _):
            r
        case .decoding(let r, _), .cancelled(let r):
            r
        case .invalidConfiguration:
            nil
        }
    }

    /// The server's answer, for errors the server reported.
    public var status: KubeStatus? {
        switch self {
        case .notFound(_, let s), .alreadyExists(_, let s), .conflict(_, let s), .gone(_, let s),
             .unauthorized(_, let s), .forbidden(_, let s), .invalid(_, let s), .badRequest(_, let s),
             .tooManyRequests(_, let s), .serverError(_, let s), .unexpectedStatus(_, let s):
            s
        default:
            nil
        }
    }

    /// Whether trying again later may succeed without anyone changing anything: the server
    /// was unreachable, slow, throttling or failing (5xx). A plugin maps this to CNI error
    /// code 11 ("try again later").
    public var isTransient: Bool {
        switch self {
        case .unreachable, .timeout, .tooManyRequests, .serverError: true
        default: false
        }
    }

    /// One line for an operator: the request (method, server, path, attempts) and what went wrong.
    public var description: String {
        switch self {
        case .notFound(let r, let s): Self.sentence(r, "not found", s)
        case .alreadyExists(let r, let s): Self.sentence(r, "already exists", s)
        case .conflict(let r, let s): Self.sentence(r, "conflicts with a newer version of the object", s)
        case .gone(let r, let s): Self.sentence(r, "refers to a version that has expired", s)
        case .unauthorized(let r, let s): Self.sentence(r, "was rejected: the credentials are not valid", s)
        case .forbidden(let r, let s): Self.sentence(r, "is forbidden for this user", s)
        case .invalid(let r, let s): Self.sentence(r, "is invalid", s)
        case .badRequest(let r, let s): Self.sentence(r, "is malformed", s)
        case .tooManyRequests(let r, let s): Self.sentence(r, "was throttled by the apiserver", s)
        case .serverError(let r, let s): Self.sentence(r, "failed on the apiserver", s)
        case .unexpectedStatus(let r, let s): Self.sentence(r, "got an unexpected answer", s)
        case .timeout(let r, let reason): "apiserver request \(r) timed out: \(reason)"
        case .unreachable(let r, let reason): "apiserver request \(r) failed: the apiserver is unreachable: \(reason)"
        case .tlsFailure(let r, let reason): "apiserver request \(r) failed: TLS handshake failed: \(reason)"
        case .decoding(let r, let error): "apiserver request \(r) returned an unexpected object: \(error)"
        case .credentials(let r, let reason): "apiserver request \(r) has no credentials: \(reason)"
        case .invalidConfiguration(let server, let reason): "apiserver \(server): \(reason)"
        case .cancelled(let r): "apiserver request \(r) was cancelled"
        }
    }

    private static func sentence(_ request: KubeRequestDescription, _ what: String, _ status: KubeStatus) -> String {
        "apiserver request \(request) \(what) (\(status))"
    }
}
