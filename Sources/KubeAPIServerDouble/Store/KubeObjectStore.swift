import Synchronization

/// The double's object store, safe to use from any thread while the server runs.
///
/// Tests use it to seed objects and to look at what clients wrote; the server's handlers
/// use it for every request. Every write bumps the global resourceVersion and reaches the
/// watches that select it, in order.
///
/// ```swift
/// try server.store.create(.pods, KubeObjects.pod(name: "web", namespace: "default", nodeName: "node-a"))
/// let pod = server.store.get(.pods, namespace: "default", name: "web")
/// ```
public final class KubeObjectStore: Sendable {
    struct Watcher: Sendable {
        var filter: WatchFilter
        var continuation: AsyncStream<WatchMessage>.Continuation
    }

    struct State: Sendable {
        var store: ObjectStore
        var watchers: [Int: Watcher] = [:]
        var nextWatcherID = 0
    }

    let state: Mutex<State>

    /// An empty store keeping the last `historyCapacity` events for watches.
    init(historyCapacity: Int = 1000, environment: ObjectStore.Environment = .live) {
        state = Mutex(State(store: ObjectStore(historyCapacity: historyCapacity, environment: environment)))
    }

    /// The last resourceVersion handed out.
    public var resourceVersion: Int {
        state.withLock { $0.store.resourceVersion }
    }

    /// Runs a write on the store and sends the events it produced to the watches that see
    /// them. A dry run (`dryRun=All`) works on a copy and changes nothing.
    func write<T>(dryRun: Bool = false, _ body: (inout ObjectStore) throws -> (T, [StoreEvent])) throws -> T {
        try state.withLock { state in
            if dryRun {
                var copy = state.store
                return try body(&copy).0
            }
            let (result, events) = try body(&state.store)
            for event in events {
                for watcher in state.watchers.values {
                    if let (type, object) = watcher.filter.translate(event) {
                        watcher.continuation.yield(.event(type, object))
                    }
                }
            }
            return result
        }
    }

    /// Runs a write that produces at most one event.
    func write<T>(dryRun: Bool = false, _ body: (inout ObjectStore) throws -> (T, StoreEvent?)) throws -> T {
        try write(dryRun: dryRun) { store -> (T, [StoreEvent]) in
            let (result, event) = try body(&store)
            return (result, event.map { [$0] } ?? [])
        }
    }

    /// Runs a read on the store.
    func read<T>(_ body: (ObjectStore) throws -> T) rethrows -> T {
        try state.withLock { try body($0.store) }
    }
}
