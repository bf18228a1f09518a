import MultinetCheckpoint

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

    /// A snapshot.
    public init(header: InspectorHeader, networks: [NetworkRow] = [], pods: [PodRow] = []) {
        self.header = header
        self.networks = networks
        self.pods = pods
    }

    /// Every attachment whose last ADD or DEL failed, oldest first: what the Failures view
    /// lists and `retry` acts on.
    public var failures: [AttachmentRecord] {
        pods.flatMap(\.attachments).filter { $0.state.isFailure }.sorted { $0.updatedAt < $1.updatedAt }
    }
}
