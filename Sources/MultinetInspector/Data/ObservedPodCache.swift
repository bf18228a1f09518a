import MultinetCore
import MultinetKubeAPI
import Synchronization

/// The pods' `network-status` as read at the last refresh, keyed by pod and
/// `resourceVersion`: a refresh parses only the annotations of pods that changed.
final class ObservedPodCache: Sendable {
    private let entries = Mutex<[String: ObservedPod]>([:])

    /// What identifies one version of one pod.
    static func key(_ pod: PodMetadata) -> String {
        "\(pod.metadata.namespace ?? "")/\(pod.metadata.name)\u{0}\(pod.metadata.uid ?? "")\u{0}\(pod.metadata.resourceVersion ?? "")"
    }

    /// The entries of the last refresh (the cache is empty until `keep`).
    func take() -> [String: ObservedPod] {
        entries.withLock { entries in
            defer { entries = [:] }
            return entries
        }
    }

    /// Keeps this refresh's entries only.
    func keep(_ used: [String: ObservedPod]) {
        entries.withLock { $0 = used }
    }
}
