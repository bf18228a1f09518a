/// Which request failed, for error messages: the server, the method, the path and how
/// many attempts were made.
public struct KubeRequestDescription: Sendable, Equatable, CustomStringConvertible {
    /// The apiserver, as `https://host:port`.
    public var server: String
    /// The HTTP method.
    public var method: String
    /// The path without the query (a `continue` token would only make messages long).
    public var path: String
    /// Attempts made, counting the first; retries are attempts beyond one.
    public var attempts: Int

    /// A request description.
    public init(server: String, method: String, path: String, attempts: Int = 1) {
        self.server = server
        self.method = method
        self.path = path
        self.attempts = attempts
    }

    /// `GET https://10.0.0.1:6443/api/v1/namespaces/default/pods/web`, plus the attempts when more than one.
    public var description: String {
        "\(method) \(server)\(path)" + (attempts > 1 ? " (\(attempts) attempts)" : "")
    }
}
