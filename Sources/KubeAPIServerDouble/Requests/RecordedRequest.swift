import FoundationEssentials

/// One request the server received, for assertions on what a client attempted.
public struct RecordedRequest: Sendable, Equatable, CustomStringConvertible {
    /// The HTTP method.
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The raw query string (without `?`), empty when there was none.
    public var query: String
    /// The authenticated user, or `nil` when authentication failed or never happened.
    public var user: String?
    /// The status answered, or `nil` when the connection was dropped without an answer.
    public var status: Int?
    /// The `User-Agent` header.
    public var userAgent: String?
    /// The `Content-Type` header of the request.
    public var contentType: String?
    /// The `Accept` header.
    public var accept: String?
    /// When the request was read.
    public var date: Date

    /// The value of a query parameter (the first, when repeated), percent-decoded.
    public func queryValue(_ name: String) -> String? {
        QueryString.parse(query)[name]?.first
    }

    /// `GET /api/v1/pods?limit=500 -> 200 (admin)`.
    public var description: String {
        let target = query.isEmpty ? path : "\(path)?\(query)"
        return "\(method) \(target) -> \(status.map(String.init) ?? "dropped") (\(user ?? "anonymous"))"
    }
}
