/// One interface a running pod has, as the store recorded it: what hot-plug compares the
/// pod's selection with.
public struct AttachedInterface: Sendable, Equatable {
    /// The network, `namespace/name` (a conf-dir file: its bare name).
    public var network: String
    /// The interface inside the pod.
    public var ifName: String
    /// Whether it is the pod's default network (never hot-unplugged).
    public var isDefault: Bool

    /// An interface from its parts.
    public init(network: String, ifName: String, isDefault: Bool = false) {
        self.network = network
        self.ifName = ifName
        self.isDefault = isDefault
    }
}
