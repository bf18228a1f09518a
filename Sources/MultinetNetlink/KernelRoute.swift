import MultinetCNI

/// One route as the kernel's routing tables hold it (`RTM_NEWROUTE`), reduced to what
/// multinet reads and writes.
public struct KernelRoute: Sendable, Hashable, CustomStringConvertible {
    /// The destination; length 0 (`0.0.0.0/0`, `::/0`) for a default route.
    public var destination: IPAddressPrefix
    /// The next hop (`RTA_GATEWAY`), if any.
    public var gateway: IPAddress?
    /// The index of the outgoing interface (`RTA_OIF`), if any.
    public var outputInterface: UInt32?
    /// The routing table (`RTA_TABLE`, else `rtm_table`); 254 is `main`.
    public var table: UInt32
    /// Who made the route (`rtm_protocol`): 2 kernel, 3 boot (`ip route add`, CNI plugins).
    public var origin: UInt8
    /// `rtm_scope`: 0 universe (via a gateway), 253 link.
    public var scope: UInt8
    /// `rtm_type`: 1 unicast, 2 local, 7 unreachable, …
    public var type: UInt8
    /// The metric (`RTA_PRIORITY`), if set.
    public var priority: UInt32?
    /// The preferred source address (`RTA_PREFSRC`), if set.
    public var preferredSource: IPAddress?

    /// A route from its fields; by default a unicast route in `main` as `ip route add` makes it.
    public init(destination: IPAddressPrefix, gateway: IPAddress? = nil, outputInterface: UInt32? = nil,
                table: UInt32 = Netlink.Table.main, origin: UInt8 = Netlink.RouteProtocol.boot,
                scope: UInt8 = Netlink.Scope.universe, type: UInt8 = Netlink.RouteType.unicast,
                priority: UInt32? = nil, preferredSource: IPAddress? = nil) {
        self.destination = destination
        self.gateway = gateway
        self.outputInterface = outputInterface
        self.table = table
        self.origin = origin
        self.scope = scope
        self.type = type
        self.priority = priority
        self.preferredSource = preferredSource
    }

    /// A default route via `gateway` out of interface `index`, in `main`.
    public static func defaultRoute(via gateway: IPAddress, interface index: UInt32) -> KernelRoute {
        KernelRoute(destination: .anyDestination(gateway.family), gateway: gateway, outputInterface: index)
    }

    /// The address family.
    public var family: IPAddress.Family { destination.family }

    /// Whether this is a unicast default route of the main table: what `ip route` lists
    /// as `default via …`, and what `default-route` replaces.
    public var isMainDefault: Bool {
        destination.prefixLength == 0 && table == Netlink.Table.main && type == Netlink.RouteType.unicast
    }

    /// As `ip route` would print it, for logs and messages: `default via 10.1.0.1 dev #3`.
    public var description: String {
        var text = destination.prefixLength == 0 ? "default" : destination.description
        if let gateway { text += " via \(gateway)" }
        if let outputInterface { text += " dev #\(outputInterface)" }
        if table != Netlink.Table.main { text += " table \(table)" }
        if let priority { text += " metric \(priority)" }
        return text
    }
}

extension IPAddress.Family {
    /// The family of a netlink `AF_*` number; `nil` for anything but `AF_INET`/`AF_INET6`.
    init?(netlink value: UInt8) {
        switch value {
        case Netlink.Family.inet: self = .v4
        case Netlink.Family.inet6: self = .v6
        default: return nil
        }
    }

    /// `AF_INET` or `AF_INET6`.
    var netlink: UInt8 { self == .v4 ? Netlink.Family.inet : Netlink.Family.inet6 }
}
