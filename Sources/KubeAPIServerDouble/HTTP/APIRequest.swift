/// An HTTP request as the handlers see it: no sockets, no NIO types.
struct APIRequest: Sendable {
    var method: String
    /// The path, percent-decoded, without the query.
    var path: String
    /// The raw query string, without `?`.
    var rawQuery: String
    /// Header names (lowercased) to values.
    var headers: [String: String]
    var body: [UInt8]

    init(method: String, target: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method.uppercased()
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = QueryString.decode(String(parts[0]).replacing("+", with: "%2B"))
        rawQuery = parts.count > 1 ? String(parts[1]) : ""
        var map: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            map[key] = map[key].map { "\($0),\(value)" } ?? value
        }
        self.headers = map
        self.body = body
    }

    /// The query parameters.
    var query: [String: [String]] { QueryString.parse(rawQuery) }

    /// The first value of a query parameter.
    func queryValue(_ name: String) -> String? { query[name]?.first }

    /// Whether a boolean query parameter is `true` or `1`.
    func queryFlag(_ name: String) -> Bool {
        guard let value = queryValue(name)?.lowercased() else { return false }
        return value == "true" || value == "1"
    }

    /// A header's value.
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}
