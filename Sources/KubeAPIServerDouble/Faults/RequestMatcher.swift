/// Which requests a fault applies to.
public struct RequestMatcher: Sendable, Equatable {
    /// The HTTP method (`GET`, `PATCH`, ...), or `nil` for any.
    public var method: String?
    /// A path prefix (`/api/v1/namespaces/default/pods`), or `nil` for any path.
    public var pathPrefix: String?

    /// A matcher.
    public init(method: String? = nil, pathPrefix: String? = nil) {
        self.method = method
        self.pathPrefix = pathPrefix
    }

    /// Every request.
    public static let any = RequestMatcher()

    /// Requests whose path starts with `prefix`.
    public static func path(_ prefix: String) -> RequestMatcher { RequestMatcher(pathPrefix: prefix) }

    /// Whether a request matches.
    public func matches(method: String, path: String) -> Bool {
        (self.method.map { $0.uppercased() == method.uppercased() } ?? true)
            && (pathPrefix.map { path.hasPrefix($0) } ?? true)
    }
}
