import MultinetCheckpoint
import MultinetCore

/// What one cycle saw. A view that could not be read is `nil` and leads to no action that
/// depends on it: no reclaim without a pod list, no label change without the catalog and
/// the node.
public struct AgentObservation: Sendable {
    /// When (unix milliseconds).
    public var now: Int64
    /// The store's records.
    public var records: [AttachmentRecord]
    /// The operation samples recorded since the last cycle's.
    public var operations: [OperationSample]
    /// Reconciliation's drift (not yet stamped), or `nil` when the cluster could not be read.
    public var drift: [DriftEntry]?
    /// Networks usable on this node, by `(namespace, name)`: NADs and alpha Networks only
    /// (conf-dir files are no cluster object a pod can select by namespace); `nil` unknown.
    public var usableNetworks: [(namespace: String, name: String)]?
    /// The node's labels, or `nil` when the node could not be read.
    public var nodeLabels: [String: String]?

    /// An observation from its parts.
    public init(now: Int64, records: [AttachmentRecord], operations: [OperationSample] = [], drift: [DriftEntry]? = nil,
                usableNetworks: [(namespace: String, name: String)]? = nil, nodeLabels: [String: String]? = nil) {
        self.now = now
        self.records = records
        self.operations = operations
        self.drift = drift
        self.usableNetworks = usableNetworks
        self.nodeLabels = nodeLabels
    }
}
