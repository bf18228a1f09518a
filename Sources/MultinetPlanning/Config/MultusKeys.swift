/// Multus's own configuration keys, honoured with Multus's meaning so that a node's
/// `00-multus.conf` works once its `"type"` says `multinet` (README "Multus keys").
public struct MultusKeys: Sendable, Equatable {
    /// The pod's default network: `clusterNetwork`, else `delegates[0]`; `nil` when neither
    /// is set (multinet's own `defaultNetwork` then applies).
    public var clusterNetwork: MultusNetwork?
    /// `defaultNetworks`: attached to every pod outside `systemNamespaces`, after the
    /// cluster network and before the pod's own selections. Ignored without
    /// `clusterNetwork`, as Multus ignores it.
    public var defaultNetworks: [MultusNetwork] = []
    /// `delegates[1...]` when `delegates` names the cluster network: Multus attaches every
    /// delegate, in order, to every pod.
    public var additionalDelegates: [MultusNetwork] = []
    /// `systemNamespaces`: their pods get no `defaultNetworks`.
    public var systemNamespaces: [String] = ["kube-system"]
    /// `multusNamespace`: where bare `clusterNetwork` and `defaultNetworks` names are looked
    /// up as NetworkAttachmentDefinitions.
    public var multusNamespace: String = "kube-system"
    /// `readinessindicatorfile`: ADD waits for this file to exist before attaching anything.
    public var readinessIndicatorFile: String?
    /// `logToStderr`; `nil` when not set.
    public var logToStderr: Bool?

    /// Multus's default for `confDir`, used when a Multus configuration leaves it out.
    public static let defaultConfDir = "/etc/cni/multus/net.d"
    /// Multus's default for `globalNamespaces`, used when a Multus configuration leaves it out.
    public static let defaultGlobalNamespaces = ["default"]

    /// No Multus keys.
    public init() {}

    /// Whether the configuration is Multus's: it has `clusterNetwork` or `delegates`, one of
    /// which Multus requires. The keys it leaves out then take Multus's defaults.
    public var isMultusConfiguration: Bool { clusterNetwork != nil }

    /// The networks a pod in `podNamespace` gets after its cluster network, before its own
    /// selections (on `net1`, `net2`, …): every further delegate, or the `defaultNetworks`
    /// unless the pod is in one of the `systemNamespaces` (or the runtime named no pod).
    public func networksAfterClusterNetwork(podNamespace: String) -> [MultusNetwork] {
        if !additionalDelegates.isEmpty { return additionalDelegates }
        guard !podNamespace.isEmpty, !systemNamespaces.contains(podNamespace) else { return [] }
        return defaultNetworks
    }
}
