import MultinetCheckpoint
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
    /// The node running it: with `--all-nodes`; `nil` for this node's view.
    public var node: String?
    /// Its `network-status` as the apiserver has it (`nil`: no annotation, or not read).
    public var status: [ObservedPod.StatusEntry]?
    /// The attachments, in attach order.
    public var attachments: [AttachmentRecord] {
        didSet { addresses = attachments.map(AttachmentAddresses.init) }
    }
    /// Each attachment's addresses and MAC (same order), read from its result once per
    /// snapshot rather than on every frame.
    public private(set) var addresses: [AttachmentAddresses]

    /// A pod row.
    ///
    /// `addresses` are the attachments' addresses when the caller already has them (the
    /// snapshot builder caches them across refreshes); by default they are read from the results.
    public init(namespace: String, name: String, uid: String, containerID: String, existsInCluster: Bool? = nil,
                attachments: [AttachmentRecord], addresses: [AttachmentAddresses]? = nil, node: String? = nil,
                status: [ObservedPod.StatusEntry]? = nil) {
        self.node = node
        self.status = status
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.containerID = containerID
        self.existsInCluster = existsInCluster
        self.attachments = attachments
        self.addresses = addresses.flatMap { $0.count == attachments.count ? $0 : nil } ?? attachments.map(AttachmentAddresses.init)
    }
}
