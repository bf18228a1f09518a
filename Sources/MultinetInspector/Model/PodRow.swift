import MultinetCore

/// One pod sandbox of this node and its attachments as the store records them.
public struct PodRow: Sendable, Equatable {
    /// The pod's namespace.
    public var namespace: String
    /// The pod's name.
    public var name: String
    /// The pod's UID.
    public var uid: String
    /// The sandbox's container ID.
    public var containerID: String
    /// Whether the apiserver still lists the pod on this node (`nil` when unknown).
    public var existsInCluster: Bool?
    /// The attachments, in attach order.
    public var attachments: [AttachmentRecord]

    /// A pod row.
    public init(namespace: String, name: String, uid: String, containerID: String, existsInCluster: Bool? = nil,
                attachments: [AttachmentRecord]) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.containerID = containerID
        self.existsInCluster = existsInCluster
        self.attachments = attachments
    }
}
