import FoundationEssentials

/// The double's storage, as pure logic with no locking and no I/O: objects by resource and
/// key, one global resourceVersion counter bumped by every write (as etcd's revision is),
/// and the bounded event history.
///
/// Every write returns the ``StoreEvent`` it produced, so ``KubeObjectStore`` can fan it
/// out to watches.
struct ObjectStore: Sendable {
    /// Where server-set values (uids, timestamps) come from; replaceable for tests.
    struct Environment: Sendable {
        var now: @Sendable () -> Date
        var makeUID: @Sendable () -> String

        /// The clock and random UUIDs.
        static let live = Environment(now: { Date() }, makeUID: { UUID().uuidString.lowercased() })
    }

    /// The last resourceVersion handed out.
    private(set) var resourceVersion: Int
    /// Objects by resource, then by key (`namespace/name` or `name`).
    private(set) var objects: [ServedResource: [String: KubeJSON]] = [:]
    private(set) var history: EventHistory
    let environment: Environment

    init(historyCapacity: Int = 1000, initialResourceVersion: Int = 0, environment: Environment = .live) {
        self.history = EventHistory(capacity: historyCapacity)
        self.resourceVersion = initialResourceVersion
        self.environment = environment
    }

    /// The storage key of an object: `namespace/name` for namespaced resources, `name` otherwise.
    static func key(_ resource: ServedResource, namespace: String?, name: String) -> String {
        resource.namespaced ? "\(namespace ?? "")/\(name)" : name
    }

    /// The object, or 404 `NotFound`.
    func get(_ resource: ServedResource, namespace: String?, name: String) throws -> KubeJSON {
        guard let object = objects[resource]?[Self.key(resource, namespace: namespace, name: name)] else {
            throw APIStatusError.notFound(resource, name: name)
        }
        return object
    }

    /// Drops all history, so any earlier resourceVersion is expired (for 410 tests).
    mutating func compactHistory() {
        history.compact(through: resourceVersion)
    }

    /// Hands out the next resourceVersion.
    mutating func nextResourceVersion() -> Int {
        resourceVersion += 1
        return resourceVersion
    }

    /// Stores `object` under `key` (or removes it when `nil`) and records the event.
    mutating func commit(
        _ type: WatchEventType, resource: ServedResource, key: String, object: KubeJSON, previous: KubeJSON?,
        resourceVersion: Int
    ) -> StoreEvent {
        objects[resource, default: [:]][key] = type == .deleted ? nil : object
        let event = StoreEvent(
            type: type, resource: resource, key: key, object: object, previous: previous,
            resourceVersion: resourceVersion)
        history.append(event)
        return event
    }

    /// The RFC 3339 timestamp the apiserver writes (`2024-05-01T12:00:00Z`).
    func timestamp() -> String {
        environment.now().formatted(.iso8601)
    }
}
