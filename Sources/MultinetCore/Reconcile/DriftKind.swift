/// How the cluster, the store and the kernel disagree about an attachment; the raw
/// values are the `kind` strings of the inspector's JSON.
public enum DriftKind: String, Sendable, CaseIterable, Comparable {
    /// The store holds attachments of a pod the apiserver no longer has (by UID): a leak candidate.
    case podGone = "pod-gone"
    /// The recorded netns no longer exists.
    case netnsGone = "netns-gone"
    /// The recorded interface is not in the pod's netns.
    case interfaceMissing = "interface-missing"
    /// The interface's addresses are not the recorded ones.
    case addressMismatch = "address-mismatch"
    /// The interface's MAC is not the recorded one.
    case macMismatch = "mac-mismatch"
    /// The pod's netns has an interface no record explains.
    case unrecordedInterface = "unrecorded-interface"
    /// The pod's `network-status` says something else than the store.
    case statusMismatch = "status-mismatch"
    /// The attachment's network is no longer defined.
    case networkGone = "network-gone"

    /// The order the table lists kinds in: leaks first, then the kernel, then the cluster.
    public static func < (lhs: DriftKind, rhs: DriftKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
