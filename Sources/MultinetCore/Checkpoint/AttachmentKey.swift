/// The key of one attachment record: (container ID, runtime interface, interface).
struct AttachmentKey: Equatable {
    let containerID: String
    let runtimeIfName: String
    let ifName: String

    init(_ containerID: String, _ runtimeIfName: String, _ ifName: String) {
        self.containerID = containerID
        self.runtimeIfName = runtimeIfName
        self.ifName = ifName
    }

    /// The key as parameters 1, 2, 3 of a statement.
    var bindings: [SQLiteValue] {
        [.text(containerID), .text(runtimeIfName), .text(ifName)]
    }
}
