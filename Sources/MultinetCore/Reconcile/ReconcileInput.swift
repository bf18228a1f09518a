import MultinetCheckpoint

/// The four views reconciliation compares. A view that could not be read is `nil` (or
/// `.unknown` for one netns), and produces no drift: never a false alarm.
public struct ReconcileInput: Sendable {
    /// The store's records of this node.
    public var records: [AttachmentRecord]
    /// The cluster's pods by `namespace/name`; `nil` without an apiserver.
    public var pods: [String: ObservedPod]?
    /// The kernel's view of each recorded netns, by path; a netns not listed is unknown.
    public var namespaces: [String: NamespaceObservation]
    /// The networks still defined (`namespace/name` of NADs and Networks, names of conf-dir
    /// files); `nil` when they could not be read.
    public var definedNetworks: Set<String>?

    /// The views from their parts.
    public init(records: [AttachmentRecord], pods: [String: ObservedPod]?,
                namespaces: [String: NamespaceObservation], definedNetworks: Set<String>?) {
        self.records = records
        self.pods = pods
        self.namespaces = namespaces
        self.definedNetworks = definedNetworks
    }
}
