import Synchronization

/// Every request the server received, in order. Thread-safe.
public final class RequestLog: Sendable {
    private let entries = Mutex<[RecordedRequest]>([])

    init() {}

    /// All recorded requests, oldest first.
    public var all: [RecordedRequest] { entries.withLock { $0 } }

    /// How many requests were recorded.
    public var count: Int { entries.withLock { $0.count } }

    /// The recorded requests that satisfy `predicate`.
    public func filter(_ predicate: (RecordedRequest) -> Bool) -> [RecordedRequest] {
        entries.withLock { $0.filter(predicate) }
    }

    /// Recorded requests for paths starting with `prefix` (and with `method`, when given).
    public func requests(method: String? = nil, pathPrefix prefix: String) -> [RecordedRequest] {
        filter { ($0.method == method || method == nil) && $0.path.hasPrefix(prefix) }
    }

    /// Forgets every recorded request.
    public func clear() {
        entries.withLock { $0.removeAll() }
    }

    func record(_ request: RecordedRequest) {
        entries.withLock { $0.append(request) }
    }
}
