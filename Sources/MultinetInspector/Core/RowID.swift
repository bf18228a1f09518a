import MultinetCheckpoint

/// What a table row shows, independent of its position: selection follows it across
/// refreshes, sorting and filtering.
public enum RowID: Sendable, Hashable {
    /// A network, by where it is defined.
    case network(kind: NetworkRow.Kind, namespace: String?, name: String)
    /// A pod sandbox with no recorded attachment.
    case pod(containerID: String)
    /// One attachment.
    case attachment(AttachmentKey)
    /// One drift entry, by ``MultinetCore/DriftEntry/identity``.
    case drift(String)
    /// One event, by namespace, pod, reason and time.
    case event(String)
    /// One interface a pod's `network-status` reports (`--all-nodes`), by `namespace/pod` and interface.
    case reported(pod: String, interface: String)
}
