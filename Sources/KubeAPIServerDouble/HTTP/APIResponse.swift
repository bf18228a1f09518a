/// What a handler answers: a complete body, or a watch stream the HTTP layer writes as
/// chunks.
struct APIResponse: Sendable {
    /// The body.
    enum Body: Sendable {
        case bytes([UInt8])
        case watch(WatchStream)
    }

    var status: Int
    var headers: [(String, String)]
    var body: Body

    /// A JSON response (with the trailing newline the apiserver's encoder writes).
    static func json(_ value: KubeJSON, status: Int = 200, contentType: String = "application/json") -> APIResponse {
        APIResponse(
            status: status, headers: [("Content-Type", contentType)],
            body: .bytes(Array((value.serialized + "\n").utf8)))
    }

    /// The `Status` response for a failure; 429 and 5xx with a retry delay carry `Retry-After`.
    static func status(_ error: APIStatusError) -> APIResponse {
        var response = json(error.statusObject, status: error.code)
        if let seconds = error.details?.retryAfterSeconds {
            response.headers.append(("Retry-After", String(seconds)))
        }
        return response
    }

    /// The response with every occurrence of `find` in a complete body replaced by
    /// `replace` (a watch stream is left alone).
    func rewritingBody(_ find: [UInt8], with replace: [UInt8]) -> APIResponse {
        guard case .bytes(let bytes) = body, !find.isEmpty else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + find.count <= bytes.count, bytes[index..<(index + find.count)].elementsEqual(find) {
                out += replace
                index += find.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        var copy = self
        copy.body = .bytes(out)
        return copy
    }

    /// A plain-text response (`/healthz`).
    static func text(_ text: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Array(text.utf8)))
    }
}

/// A running watch, for the HTTP layer to write out.
struct WatchStream: Sendable {
    /// The store's id for the watch (to send bookmarks and to end it).
    var id: Int
    var messages: AsyncStream<WatchMessage>
    var resource: ServedResource
    /// When to end the stream (`timeoutSeconds`), or `nil` to run until the client leaves.
    var timeout: Duration?
    /// Whether to send periodic bookmarks (`allowWatchBookmarks=true`).
    var bookmarks: Bool
    /// How to encode each event's object (`as=Table` or plain).
    var encoding: ResponseEncoding
}
