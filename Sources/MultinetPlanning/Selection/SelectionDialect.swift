/// The two annotation dialects multinet reads (README, "Several networks per pod").
public enum SelectionDialect: String, Sendable, CaseIterable {
    /// The 2017 proposal: `alpha.network.k8s.io/networks: a,b,c`; the first is the default
    /// network on `CNI_IFNAME`, the others `eth1`, `eth2`, … by position.
    case alpha = "alpha.network.k8s.io/networks"
    /// The Network Plumbing WG's multi-net-spec: `k8s.v1.cni.cncf.io/networks`, after the
    /// cluster default network on `CNI_IFNAME`, on `net1`, `net2`, … unless named.
    case multus = "k8s.v1.cni.cncf.io/networks"

    /// The annotation key.
    public var annotation: String { rawValue }
}
