import MultinetCheckpoint

/// The failed teardown a confirmation dialog asks about, named as the operator sees it.
public struct RetryTarget: Sendable, Equatable {
    /// The attachment's store key.
    public var key: AttachmentKey
    /// `namespace/name` of the pod (or the container ID when the pod is unknown).
    public var pod: String
    /// `namespace/name` of the network.
    public var network: String

    /// A target.
    public init(key: AttachmentKey, pod: String, network: String) {
        self.key = key
        self.pod = pod
        self.network = network
    }

    /// The sandbox's container ID.
    public var containerID: String { key.containerID }
    /// The interface inside the pod.
    public var ifName: String { key.ifName }
}
