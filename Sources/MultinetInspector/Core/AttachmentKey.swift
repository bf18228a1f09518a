import MultinetCore

/// The store's key of one attachment: (container ID, runtime interface, pod interface).
public struct AttachmentKey: Sendable, Hashable {
    /// The sandbox's container ID.
    public var containerID: String
    /// The `CNI_IFNAME` the runtime passed.
    public var runtimeIfName: String
    /// The interface inside the pod.
    public var ifName: String

    /// A key.
    public init(containerID: String, runtimeIfName: String, ifName: String) {
        self.containerID = containerID
        self.runtimeIfName = runtimeIfName
        self.ifName = ifName
    }

    /// The key of a record.
    public init(_ record: AttachmentRecord) {
        self.init(containerID: record.containerID, runtimeIfName: record.runtimeIfName, ifName: record.ifName)
    }
}
