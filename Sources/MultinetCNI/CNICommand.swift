/// The operations a runtime asks of a CNI plugin through `CNI_COMMAND`.
public enum CNICommand: String, Sendable, CaseIterable {
    /// Attach a container to the network.
    case add = "ADD"
    /// Detach a container from the network; must succeed when there is nothing to detach.
    case del = "DEL"
    /// Check that an attachment is as expected (0.4.0+).
    case check = "CHECK"
    /// Report the plugin's supported versions.
    case version = "VERSION"
    /// Report whether the plugin is ready to serve ADDs (1.1.0+).
    case status = "STATUS"
    /// Clean up resources of attachments that are no longer valid (1.1.0+).
    case gc = "GC"

    /// Whether the command concerns one container and so needs `CNI_CONTAINERID` and `CNI_IFNAME`.
    public var needsContainer: Bool {
        switch self {
        case .add, .del, .check: true
        case .version, .status, .gc: false
        }
    }
}
