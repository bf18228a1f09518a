/// How a ``KubeClient`` behaves: deadlines, retries, connections.
public struct KubeClientOptions: Sendable, Equatable {
    /// One request's limit in seconds, retries and credential plugins included
    /// (multinet's `apiTimeoutSeconds`).
    public var timeoutSeconds: Double
    /// Which failures are retried, how often and how far apart.
    public var retryPolicy: KubeRetryPolicy
    /// Connections kept per host. One (the default) means one TLS handshake per process,
    /// but a watch then holds the only HTTP/1.1 connection: raise it to run other requests
    /// while a watch is open (HTTP/2 servers multiplex over one connection anyway).
    public var maximumConnectionsPerHost: Int
    /// How long a watch may go without receiving anything before it counts as broken.
    public var watchIdleTimeoutSeconds: Double
    /// The most bytes of a response body read (not for watches, which stream).
    public var maximumResponseBytes: Int
    /// The `User-Agent` header.
    public var userAgent: String

    /// Options; `timeoutSeconds` defaults to multinet's `apiTimeoutSeconds` default.
    public init(timeoutSeconds: Double = 10, retryPolicy: KubeRetryPolicy = KubeRetryPolicy(),
                maximumConnectionsPerHost: Int = 1, watchIdleTimeoutSeconds: Double = 330,
                maximumResponseBytes: Int = 64 << 20, userAgent: String = "multinet") {
        self.timeoutSeconds = timeoutSeconds
        self.retryPolicy = retryPolicy
        self.maximumConnectionsPerHost = maximumConnectionsPerHost
        self.watchIdleTimeoutSeconds = watchIdleTimeoutSeconds
        self.maximumResponseBytes = maximumResponseBytes
        self.userAgent = userAgent
    }
}
