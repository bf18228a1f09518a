/// The leak a confirmation dialog asks about before tearing it down: every recorded
/// attachment of one container whose pod the cluster no longer has.
public struct ReclaimTarget: Sendable, Equatable {
    /// The sandbox's container ID.
    public var containerID: String
    /// `namespace/name` of the pod as recorded.
    public var pod: String
    /// Each attachment as `interface (network)`, in attach order.
    public var attachments: [String]
    /// Why it is a leak (the drift's detail).
    public var reason: String

    /// A target.
    public init(containerID: String, pod: String, attachments: [String], reason: String) {
        self.containerID = containerID
        self.pod = pod
        self.attachments = attachments
        self.reason = reason
    }
}
