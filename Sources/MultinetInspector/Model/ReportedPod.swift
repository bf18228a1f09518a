import MultinetCore

/// A pod of any node as its `network-status` reports it (`--all-nodes`): no store needed.
public struct ReportedPod: Sendable, Equatable {
    /// The pod's namespace.
    public var namespace: String
    /// The pod's name.
    public var name: String
    /// The pod's UID.
    public var uid: String
    /// The node running it (`spec.nodeName`).
    public var node: String
    /// Its `network-status` entries.
    public var status: [ObservedPod.StatusEntry]

    /// A reported pod.
    public init(namespace: String, name: String, uid: String, node: String, status: [ObservedPod.StatusEntry]) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.node = node
        self.status = status
    }
}
