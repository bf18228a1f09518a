import MultinetCNI
import MultinetNetlink

/// The route changes inside a pod's network namespace that give it its default route(s)
/// through one attachment, as the selection element's `default-route` asks.
///
/// For each gateway's address family: every unicast default route of the `main` table is
/// removed (typically the cluster network's, on `eth0`), and one default route via the
/// gateway on the chosen interface is added. A default route that already is exactly that
/// one is kept rather than replaced. Other routes (link routes, service and pod CIDRs,
/// other tables) and families without a gateway in the request are left alone.
public struct DefaultRoutePlan: Sendable, Equatable {
    /// Routes to remove, in the kernel's order.
    public var removals: [KernelRoute]
    /// Routes to add, one per family.
    public var additions: [KernelRoute]

    /// A plan from its parts.
    public init(removals: [KernelRoute] = [], additions: [KernelRoute] = []) {
        self.removals = removals
        self.additions = additions
    }

    /// Whether nothing needs to change.
    public var isEmpty: Bool { removals.isEmpty && additions.isEmpty }

    /// The plan for default routes via `gateways` on the interface `interface`, given the
    /// namespace's interfaces and routes and the addresses the attachment's result gave
    /// that interface (`subnets`).
    ///
    /// - Throws: ``DefaultRouteProblem`` when two gateways share a family, the interface is
    ///   missing, or a gateway is not inside one of the interface's subnets of its family
    ///   (or is one of its own addresses).
    public static func make(gateways: [IPAddress], interface: String, subnets: [IPAddressPrefix],
                            links: [KernelLink], routes: [KernelRoute]) throws(DefaultRouteProblem) -> DefaultRoutePlan {
        var byFamily: [IPAddress.Family: IPAddress] = [:]
        for gateway in gateways {
            if let other = byFamily[gateway.family] {
                guard other == gateway else { throw .twoGateways(other, gateway) }
                continue
            }
            byFamily[gateway.family] = gateway
        }
        for gateway in gateways {
            if subnets.contains(where: { $0.address == gateway }) {
                throw .gatewayIsOwnAddress(gateway: gateway, interface: interface)
            }
            guard subnets.contains(where: { $0.contains(gateway) }) else {
                throw .gatewayNotOnInterface(gateway: gateway, interface: interface, subnets: subnets)
            }
        }
        guard let link = links.first(where: { $0.name == interface }) else { throw .interfaceMissing(interface) }
        var plan = DefaultRoutePlan()
        for family in IPAddress.Family.allCases {
            guard let gateway = byFamily[family] else { continue }
            let present = routes.filter { $0.family == family && $0.isMainDefault }
            let isWanted = { (route: KernelRoute) in route.gateway == gateway && route.outputInterface == link.index }
            let keep = present.first(where: isWanted)
            plan.removals += present.filter { $0 != keep }
            if keep == nil { plan.additions.append(.defaultRoute(via: gateway, interface: link.index)) }
        }
        return plan
    }
}
