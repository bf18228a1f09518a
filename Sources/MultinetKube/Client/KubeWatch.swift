import MultinetJSON
import MultinetKubeAPI

/// The events of one watch request, decoded as they stream in.
///
/// The sequence ends when the server closes the watch (its `timeoutSeconds`). An `ERROR`
/// event is thrown as the ``KubeError`` its `Status` maps to: ``KubeError/gone(_:_:)``
/// when the resourceVersion is too old (relist, then watch again — or use
/// ``KubeClient/listAndWatch(_:namespace:options:watchTimeoutSeconds:)``).
public struct KubeWatch<Object: KubeResource>: AsyncSequence, Sendable {
    /// One event.
    public typealias Element = KubeWatchEvent<Object>
    /// Watches fail with ``KubeError``.
    public typealias Failure = KubeError

    let request: KubeRequestDescription
    let body: KubeResponseBody

    /// Reads events one line at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        /// Watches fail with ``KubeError``.
        public typealias Failure = KubeError

        let request: KubeRequestDescription
        var body: KubeResponseBody.AsyncIterator
        var buffer: [UInt8] = []
        var finished = false

        /// The next event; `nil` when the server ended the watch or the task was cancelled.
        public mutating func next() async throws(KubeError) -> KubeWatchEvent<Object>? {
            while true {
                if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = Array(buffer[..<newline])
                    buffer.removeSubrange(...newline)
                    if let event = try decode(line) { return event }
                    continue
                }
                if finished {
                    guard !buffer.isEmpty else { return nil }
                    let line = buffer
                    buffer = []
                    return try decode(line)
                }
                do {
                    if let chunk = try await body.next() { buffer += chunk } else { finished = true }
                } catch {
                    switch KubeTransportError.classify(error) {
                    case .cancelled: return nil
                    case .deadline: throw .timeout(request, reason: "the watch received nothing for too long")
                    case .tls(let reason): throw .tlsFailure(request, reason: reason)
                    case .connection(let reason): throw .unreachable(request, reason: "the watch broke: \(reason)")
                    case .tooLarge(let limit): throw .decoding(request, .invalidJSON(reason: "an event exceeds \(limit) bytes"))
                    }
                }
            }
        }


        private func decode(_ line: [UInt8]) throws(KubeError) -> KubeWatchEvent<Object>? {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { return nil }
            let value: JSONValue
            do {
                value = try JSONValue(parsing: line)
            } catch {
                throw .decoding(request, .invalidJSON(reason: "watch event: \(error.description)"))
            }
            guard let type = value["type"]?.stringValue else { throw .decoding(request, .missing(field: "type")) }
            guard let object = value["object"]?.objectValue else { throw .decoding(request, .missing(field: "object")) }
            if type == "ERROR" { throw KubeError(status: KubeStatus(object: object), request: request) }
            if type == "BOOKMARK" {
                let version = object["metadata"]?["resourceVersion"]?.stringValue ?? ""
                return .bookmark(resourceVersion: version)
            }
            let decoded: Object
            do {
                decoded = try Object(json: object)
            } catch {
                throw .decoding(request, error)
            }
            switch type {
            case "ADDED": return .added(decoded)
            case "MODIFIED": return .modified(decoded)
            case "DELETED": return .deleted(decoded)
            default: throw .decoding(request, .wrongType(field: "type", expected: "ADDED, MODIFIED, DELETED, BOOKMARK or ERROR", found: "\"\(type)\""))
            }
        }
    }

    /// An iterator over the stream.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(request: request, body: body.makeAsyncIterator())
    }
}

extension KubeClient {
    /// Starts a watch: in `namespace` (all namespaces when `nil`), from `resourceVersion`
    /// (`nil`: the current state as `ADDED` events first), with bookmarks. Throws when the
    /// server refuses the watch (for example ``KubeError/gone(_:_:)`` for an expired
    /// version); the connection attempt has the usual deadline and retries, the stream
    /// itself has no deadline but ``KubeClientOptions/watchIdleTimeoutSeconds``.
    ///
    /// - Parameter timeoutSeconds: asks the server to end the watch after this long.
    public func watch<R: KubeResource>(_ type: R.Type, namespace: String?, options listOptions: KubeListOptions = KubeListOptions(),
                                       resourceVersion: String?, timeoutSeconds: Int? = nil,
                                       allowBookmarks: Bool = true) async throws(KubeError) -> KubeWatch<R> {
        var query: [(String, String)] = [("watch", "true")]
        var selectors = listOptions
        selectors.limit = nil
        query += selectors.queryItems
        if let resourceVersion, !resourceVersion.isEmpty { query.append(("resourceVersion", resourceVersion)) }
        if allowBookmarks { query.append(("allowWatchBookmarks", "true")) }
        if let timeoutSeconds { query.append(("timeoutSeconds", String(timeoutSeconds))) }
        let exchange = try await perform("GET", R.resourceType.path(namespace: namespace), query: query,
                                         accept: R.representation.accept(list: false), stream: true)
        return KubeWatch(request: exchange.request, body: exchange.response.body)
    }
}
