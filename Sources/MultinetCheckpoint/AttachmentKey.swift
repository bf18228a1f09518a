/// The key of one attachment record: (container ID, runtime interface, interface).
public struct AttachmentKey: Hashable, Sendable, CustomStringConvertible {
    /// The runtime's `CNI_CONTAINERID`.
    public let containerID: String
    /// The runtime's `CNI_IFNAME`: the interface the runtime asked multinet to attach.
    public let runtimeIfName: String
    /// The interface this attachment created in the pod.
    public let ifName: String

    /// The key of the attachment of `ifName` for `containerID` and `runtimeIfName`.
    public init(_ containerID: String, _ runtimeIfName: String, _ ifName: String) {
        self.containerID = containerID
        self.runtimeIfName = runtimeIfName
        self.ifName = ifName
    }

    /// The key of the attachment of `ifName` for `containerID` and `runtimeIfName`.
    public init(containerID: String, runtimeIfName: String, ifName: String) {
        self.init(containerID, runtimeIfName, ifName)
    }

    /// The key of `record`.
    public init(_ record: AttachmentRecord) {
        self.init(record.containerID, record.runtimeIfName, record.ifName)
    }

    /// "container C, runtime interface R, interface I", as errors name an attachment.
    public var description: String {
        "container \(containerID), runtime interface \(runtimeIfName), interface \(ifName)"
    }

    /// The key as parameters 1, 2, 3 of a statement.
    var bindings: [SQLiteValue] {
        [.text(containerID), .text(runtimeIfName), .text(ifName)]
    }
}
