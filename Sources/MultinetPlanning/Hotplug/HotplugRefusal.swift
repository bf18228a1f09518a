import MultinetCNI

/// Why a changed selection is not applied to a running pod (the agent posts it as an
/// Event; the pod and its interfaces stay as they are).
public enum HotplugRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The alpha dialect's first element is the pod's default network, which a running pod
    /// keeps.
    case defaultNetworkChanged(pod: String, recorded: String, requested: String)
    /// A new element names an interface the pod keeps for another network.
    case interfaceTaken(pod: String, network: String, ifName: String, heldBy: String)

    /// One line, naming the pod, the network and the interface.
    public var description: String {
        switch self {
        case let .defaultNetworkChanged(pod, recorded, requested):
            "pod \(pod): the first element of \(SelectionDialect.alpha.annotation) is the default network, \"\(recorded)\"; "
                + "a running pod keeps it (asked for \"\(requested)\"): recreate the pod to change it"
        case let .interfaceTaken(pod, network, ifName, heldBy):
            "pod \(pod): network \"\(network)\" asks for interface \(ifName), which \(heldBy) keeps"
        }
    }
}
