/// What one attempt of a request came to, as far as deciding on a retry goes.
public enum KubeAttemptOutcome: Sendable, Equatable {
    /// The server answered with this HTTP status (and maybe `Retry-After` seconds).
    case status(Int, retryAfterSeconds: Double?)
    /// The connection could not be made or broke: refused, reset, closed, timed out connecting.
    case connectionFailed
    /// The TLS handshake failed (a wrong CA does not fix itself).
    case tlsFailure
}

/// Whether to try a request again.
public enum KubeRetryDecision: Sendable, Equatable {
    /// Wait this many seconds, then try again.
    case retry(afterSeconds: Double)
    /// Give up: the outcome is final, the attempts are used up, or the deadline is too near.
    case stop
}
