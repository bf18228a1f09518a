/// A CNI operation run against one attachment. Stored as the raw value.
public enum CheckpointOperation: String, Sendable, CaseIterable {
    /// `CNI_COMMAND=ADD`.
    case add
    /// `CNI_COMMAND=DEL`.
    case del
    /// `CNI_COMMAND=CHECK`.
    case check
    /// The pod's `network-status` annotation written after an ADD (schema version 2).
    case statusWrite = "status"
}
