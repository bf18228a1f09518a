/// One entry of a CNI result's `routes`.
public struct CNIRoute: Sendable, Equatable {
    /// The destination network, such as `0.0.0.0/0`.
    public var dst: IPAddressPrefix
    /// The next hop; `nil` means the gateway of the matching `ips` entry (the spec's default).
    public var gw: IPAddress?
    /// The route's MTU (CNI 1.1.0); dropped for earlier versions.
    public var mtu: Int?
    /// The advertised TCP MSS (CNI 1.1.0, `advmss`); dropped for earlier versions.
    public var advMSS: Int?
    /// The route's priority or metric (CNI 1.1.0); dropped for earlier versions.
    public var priority: Int?
    /// The routing table (CNI 1.1.0); dropped for earlier versions.
    public var table: Int?
    /// The route scope, as the kernel numbers it (CNI 1.1.0); dropped for earlier versions.
    public var scope: Int?

    /// A route from its fields. A zero `mtu`, `advMSS` or `priority` is treated as absent, as
    /// the Go types omit it; `table` and `scope` keep zero.
    public init(dst: IPAddressPrefix, gw: IPAddress? = nil, mtu: Int? = nil, advMSS: Int? = nil,
                priority: Int? = nil, table: Int? = nil, scope: Int? = nil) {
        self.dst = dst
        self.gw = gw
        self.mtu = mtu == 0 ? nil : mtu
        self.advMSS = advMSS == 0 ? nil : advMSS
        self.priority = priority == 0 ? nil : priority
        self.table = table
        self.scope = scope
    }
}
