import MultinetCheckpoint
import MultinetCore

/// Everything the inspector shows at one refresh: built by the data sources (store,
/// apiserver, conf and bin dirs), read by the renderer and the `--once` printers.
///
/// A pure value: the polling task builds one and hands it to the main thread.
public struct InspectorSnapshot: Sendable, Equatable {
    /// The header: where the data came from and how fresh it is.
    public var header: InspectorHeader
    /// Every network known on this node: alpha Networks and NADs of all namespaces from the
    /// apiserver, and the conf dir's files.
    public var networks: [NetworkRow]
    /// This node's pods with their recorded attachments, sorted by namespace and name.
    public var pods: [PodRow]
    /// Where the cluster, the store, the kernel and the config disagree (README, "Drift"),
    /// ordered by container, interface and kind, each with since when it is seen.
    public var drift: [DriftEntry]
    /// The kernel's view of each recorded netns, by path (absent: not read).
    public var namespaces: [String: NamespaceObservation]
    /// Events about this node's pods, multinet's first, then newest first; `nil` when they
    /// could not be listed.
    public var events: [EventRow]?

    /// A snapshot.
    public init(header: InspectorHeader, networks: [NetworkRow] = [], pods: [PodRow] = [], drift: [DriftEntry] = [],
                namespaces: [String: NamespaceObservation] = [:], events: [EventRow]? = nil) {
        self.header = header
        self.networks = networks
        self.pods = pods
        self.drift = drift
        self.namespaces = namespaces
        self.events = events
    }

    /// How many recorded netns the kernel could be asked about, and how many it could not
    /// (no root): the header's "kernel" line.
    public var kernelCoverage: (read: Int, unknown: Int) {
        var read = 0
        var unknown = 0
        for view in namespaces.values {
            if case .unknown = view { unknown += 1 } else { read += 1 }
        }
        return (read, unknown)
    }

    /// Every attachment whose last ADD or DEL failed, oldest first: what the Failures view
    /// lists and `retry` acts on.
    public var failures: [AttachmentRecord] {
        pods.flatMap(\.attachments).filter { $0.state.isFailure }.sorted { $0.updatedAt < $1.updatedAt }
    }
}
