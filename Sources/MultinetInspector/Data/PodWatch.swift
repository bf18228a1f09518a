import MultinetKube
import MultinetKubeAPI
import Synchronization

/// A node's pods, listed once and then kept current by a watch, as an informer does: a
/// refresh of an unchanged node asks the apiserver nothing about pods and decodes none.
///
/// The first ``pods(client:node:)`` lists (metadata only) and starts a watch from the
/// list's version in a task of its own; later calls answer from the ``PodCache`` the watch
/// keeps. When the watch fails (apiserver gone, version expired, credentials refused),
/// the cache is dropped, so the next call lists again — and fails like any list would,
/// showing the apiserver unreachable. When the server ends a watch (its timeout), the next
/// resumes from the last version seen.
final class PodWatch: Sendable {
    private struct Watched {
        var generation: Int
        var node: String
        var cache: PodCache
        var task: Task<Void, Never>?
    }

    private let state = Mutex<(generation: Int, watched: Watched?)>((0, nil))
    /// Seconds each watch request lasts before the server ends it and the next one starts.
    let watchTimeoutSeconds: Int

    /// A watch whose requests last `watchTimeoutSeconds`.
    init(watchTimeoutSeconds: Int = 300) {
        self.watchTimeoutSeconds = watchTimeoutSeconds
    }

    /// The pods of `node`: from the watched cache, or from a list that starts the watch
    /// (only the list when `follow` is `false`).
    func pods(client: KubeClient, node: String, follow: Bool = true) async -> Result<[PodMetadata], KubeError> {
        let cached = state.withLock { state -> [PodMetadata]? in
            guard let watched = state.watched, watched.node == node else { return nil }
            return watched.cache.pods
        }
        if let cached { return .success(cached) }
        let options = Self.options(node: node)
        let list: KubeList<PodMetadata>
        do {
            list = try await client.listAll(PodMetadata.self, namespace: nil, options: options)
        } catch {
            return .failure(error)
        }
        guard follow else { return .success(list.items) }
        let cache = PodCache(listed: list.items, resourceVersion: list.resourceVersion)
        state.withLock { state in
            state.watched?.task?.cancel()
            state.generation += 1
            let generation = state.generation
            let task = Task { [watchTimeoutSeconds] in
                await self.watch(client: client, options: options, from: list.resourceVersion,
                                 timeoutSeconds: watchTimeoutSeconds, generation: generation)
            }
            state.watched = Watched(generation: generation, node: node, cache: cache, task: task)
        }
        return .success(cache.pods)
    }

    /// Whether a watch is keeping the cache current.
    var isWatching: Bool {
        state.withLock { $0.watched != nil }
    }

    /// Stops the watch and drops the cache.
    func stop() {
        state.withLock { state in
            state.watched?.task?.cancel()
            state.watched = nil
        }
    }

    private func watch(client: KubeClient, options: KubeListOptions, from version: String?,
                       timeoutSeconds: Int, generation: Int) async {
        var version = version
        while !Task.isCancelled {
            do {
                let events = try await client.watch(PodMetadata.self, namespace: nil, options: options,
                                                    resourceVersion: version, timeoutSeconds: timeoutSeconds)
                for try await event in events {
                    // Resume, if the server ends this watch, from where the cache is.
                    guard case .applied(let cacheVersion) = apply(event, generation: generation) else { return }
                    version = cacheVersion
                }
            } catch {
                drop(generation: generation)
                return
            }
        }
    }

    private enum Applied {
        /// Another watch (or none) is current: this one must end.
        case superseded
        /// Applied; the cache is now at this version.
        case applied(resourceVersion: String?)
    }

    /// Applies `event` if `generation` is still the current watch.
    private func apply(_ event: KubeWatchEvent<PodMetadata>, generation: Int) -> Applied {
        state.withLock { state in
            guard state.watched?.generation == generation else { return .superseded }
            state.watched?.cache.apply(event)
            return .applied(resourceVersion: state.watched?.cache.resourceVersion)
        }
    }

    private func drop(generation: Int) {
        state.withLock { state in
            if state.watched?.generation == generation { state.watched = nil }
        }
    }

    private static func options(node: String) -> KubeListOptions {
        KubeListOptions(fieldSelector: "spec.nodeName=\(node)")
    }
}
