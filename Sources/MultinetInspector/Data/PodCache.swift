import MultinetKubeAPI

/// The pods of a node as of a list plus the watch events since: what an informer's store
/// holds, keyed by namespace and name. Pure; ``PodWatch`` feeds it.
struct PodCache: Sendable, Equatable {
    private var byKey: [String: PodMetadata] = [:]
    /// The version of the list or of the newest event applied.
    private(set) var resourceVersion: String?

    /// The cache of a list.
    init(listed pods: [PodMetadata], resourceVersion: String?) {
        for pod in pods { byKey[Self.key(pod)] = pod }
        self.resourceVersion = resourceVersion
    }

    /// Applies one event: added and modified pods replace the pod of their name, deleted
    /// ones leave; every event moves the version on.
    mutating func apply(_ event: KubeWatchEvent<PodMetadata>) {
        switch event {
        case .added(let pod), .modified(let pod):
            byKey[Self.key(pod)] = pod
        case .deleted(let pod):
            byKey[Self.key(pod)] = nil
        case .bookmark:
            break
        }
        if let version = event.resourceVersion, !version.isEmpty { resourceVersion = version }
    }

    /// The pods, by namespace and name.
    var pods: [PodMetadata] {
        byKey.keys.sorted().map { byKey[$0]! }
    }

    private static func key(_ pod: PodMetadata) -> String {
        (pod.metadata.namespace ?? "") + "/" + pod.metadata.name
    }
}
