extension KubeObjectStore {
    /// Where a watch starts.
    enum WatchStart: Sendable, Equatable {
        /// The current state as synthetic `ADDED` events, then changes (no `resourceVersion`,
        /// or `0`). With `initialEventsEnd`, a bookmark marks the end of the initial events
        /// (`sendInitialEvents=true`).
        case currentState(initialEventsEnd: Bool)
        /// Every change after this resourceVersion.
        case after(Int)
    }

    /// Starts a watch: the backlog (initial state or history) is queued and the watch is
    /// registered in one step, so no write falls between them.
    ///
    /// A resourceVersion older than the history yields a stream whose only message is a
    /// 410 `Expired` error, as the apiserver sends it.
    func watch(_ filter: WatchFilter, from start: WatchStart) -> (id: Int, messages: AsyncStream<WatchMessage>) {
        let (messages, continuation) = AsyncStream.makeStream(of: WatchMessage.self)
        let id: Int? = state.withLock { state in
            switch start {
            case .currentState(let initialEventsEnd):
                let current = (try? state.store.list(filter.resource, namespace: filter.namespace, options: filter.options)) ?? ListResult(items: [], resourceVersion: state.store.resourceVersion)
                for object in current.items { continuation.yield(.event(.added, object)) }
                if initialEventsEnd {
                    continuation.yield(.bookmark(resourceVersion: state.store.resourceVersion, initialEventsEnd: true))
                }
            case .after(let version):
                do {
                    for event in try state.store.history.events(after: version) {
                        if let (type, object) = filter.translate(event) { continuation.yield(.event(type, object)) }
                    }
                } catch let error as APIStatusError {
                    continuation.yield(.error(error))
                    return nil
                } catch {
                    continuation.yield(.error(.injected(code: 500, message: "\(error)")))
                    return nil
                }
            }
            let id = state.nextWatcherID
            state.nextWatcherID += 1
            state.watchers[id] = Watcher(filter: filter, continuation: continuation)
            return id
        }
        guard let id else {
            continuation.finish()
            return (-1, messages)
        }
        continuation.onTermination = { [weak self] _ in self?.endWatch(id) }
        return (id, messages)
    }

    /// Queues a bookmark at the current resourceVersion on watch `id` (behind every event
    /// already queued, so the version never runs ahead of the events).
    func sendBookmark(to id: Int) {
        state.withLock { state in
            _ = state.watchers[id]?.continuation.yield(
                .bookmark(resourceVersion: state.store.resourceVersion, initialEventsEnd: false))
        }
    }

    /// Unregisters watch `id` and ends its stream.
    func endWatch(_ id: Int) {
        let watcher = state.withLock { $0.watchers.removeValue(forKey: id) }
        watcher?.continuation.finish()
    }

    /// Ends every watch (at shutdown).
    func endAllWatches() {
        let watchers = state.withLock { state in
            defer { state.watchers.removeAll() }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.continuation.finish() }
    }

    /// How many watches are open (for tests).
    public var openWatchCount: Int {
        state.withLock { $0.watchers.count }
    }
}
