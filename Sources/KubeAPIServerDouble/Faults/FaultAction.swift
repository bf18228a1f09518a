/// What an injected fault does to a request.
public enum FaultAction: Sendable, Equatable {
    /// Answer with this HTTP status and a matching `Status` body, with a `Retry-After`
    /// header when `retryAfterSeconds` is set.
    case respond(status: Int, retryAfterSeconds: Int?)
    /// Close the connection without answering, after reading the request.
    case dropConnection
    /// Answer as usual, then replace every occurrence of `find` in the response body with
    /// `replace`: raw bytes no JSON encoder would write (invalid UTF-8), for hostile-input tests.
    case rewriteBody(find: [UInt8], replace: [UInt8])
}

/// When a dropped connection is closed.
public enum DropPoint: Sendable, Equatable {
    /// Right after the TCP connection is accepted, before the TLS handshake.
    case beforeHandshake
    /// After the request was read, without answering it.
    case afterRequest
}
