import Testing
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetNetlink

/// Which routes `default-route` removes and adds, given the namespace's table: a pure function.
@Suite("default-route: the route plan")
struct DefaultRoutePlanTests {
    static func ip(_ text: String) -> IPAddress { IPAddress(text)! }
    static func prefix(_ text: String) -> IPAddressPrefix { IPAddressPrefix(text)! }

    /// lo, the cluster network on eth0 (#2), the selected network on net1 (#3).
    static let links = [KernelLink(index: 1, name: "lo"), KernelLink(index: 2, name: "eth0"), KernelLink(index: 3, name: "net1")]
    /// What net1's result gave it.
    static let subnets = [prefix("10.9.0.5/24"), prefix("fd09::5/64")]

    static let eth0Link = KernelRoute(destination: prefix("10.1.0.0/24"), outputInterface: 2, origin: 2, scope: 253)
    static let serviceCIDR = KernelRoute(destination: prefix("10.96.0.0/12"), gateway: ip("10.1.0.1"), outputInterface: 2)
    static let net1Link = KernelRoute(destination: prefix("10.9.0.0/24"), outputInterface: 3, origin: 2, scope: 253)
    static let eth0Default = KernelRoute(destination: prefix("0.0.0.0/0"), gateway: ip("10.1.0.1"), outputInterface: 2)
    static let eth0Default6 = KernelRoute(destination: prefix("::/0"), gateway: ip("fd01::1"), outputInterface: 2, priority: 1024)
    static let net1OwnDefault = KernelRoute(destination: prefix("0.0.0.0/0"), gateway: ip("10.9.0.254"), outputInterface: 3, priority: 100)
    static let otherTableDefault = KernelRoute(destination: prefix("0.0.0.0/0"), gateway: ip("10.1.0.1"), outputInterface: 2, table: 100)
    static let unreachable6 = KernelRoute(destination: prefix("::/0"), outputInterface: 1, type: 7, priority: 4_294_967_295)
    static let wanted = KernelRoute.defaultRoute(via: ip("10.9.0.1"), interface: 3)
    static let wanted6 = KernelRoute.defaultRoute(via: ip("fd09::1"), interface: 3)

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var gateways: [String]
        var routes: [KernelRoute]
        var removals: [KernelRoute]
        var additions: [KernelRoute]
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "IPv4: the cluster network's default goes, net1's comes; link and service routes stay",
            gateways: ["10.9.0.1"], routes: [eth0Default, eth0Link, serviceCIDR, net1Link],
            removals: [eth0Default], additions: [wanted]),
        Row(name: "IPv6 only: the IPv4 default is left alone",
            gateways: ["fd09::1"], routes: [eth0Default, eth0Default6, eth0Link],
            removals: [eth0Default6], additions: [wanted6]),
        Row(name: "IPv4 only: the IPv6 default is left alone",
            gateways: ["10.9.0.1"], routes: [eth0Default, eth0Default6],
            removals: [eth0Default], additions: [wanted]),
        Row(name: "both families",
            gateways: ["10.9.0.1", "fd09::1"], routes: [eth0Default, eth0Default6, eth0Link],
            removals: [eth0Default, eth0Default6], additions: [wanted, wanted6]),
        Row(name: "no default route present: only the addition",
            gateways: ["10.9.0.1"], routes: [eth0Link, net1Link],
            removals: [], additions: [wanted]),
        Row(name: "several defaults (eth0's, net1's own with a metric): all of main go; another table and an unreachable route stay",
            gateways: ["10.9.0.1", "fd09::1"], routes: [eth0Default, net1OwnDefault, otherTableDefault, unreachable6, serviceCIDR],
            removals: [eth0Default, net1OwnDefault], additions: [wanted, wanted6]),
        Row(name: "the wanted default is already there: kept, the others go",
            gateways: ["10.9.0.1"], routes: [KernelRoute(destination: prefix("0.0.0.0/0"), gateway: ip("10.9.0.1"), outputInterface: 3, priority: 5), eth0Default],
            removals: [eth0Default], additions: []),
        Row(name: "the same gateway twice is one",
            gateways: ["10.9.0.1", "10.9.0.1"], routes: [eth0Default],
            removals: [eth0Default], additions: [wanted]),
    ]

    @Test("removals and additions", arguments: rows)
    func plan(_ row: Row) throws {
        let plan = try DefaultRoutePlan.make(gateways: row.gateways.map(Self.ip), interface: "net1", subnets: Self.subnets,
                                             links: Self.links, routes: row.routes)
        #expect(plan.removals == row.removals)
        #expect(plan.additions == row.additions)
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        var name: String
        var gateways: [String]
        var interface: String = "net1"
        var problem: DefaultRouteProblem
        var fragment: String
        var testDescription: String { name }
    }

    static let rejections: [Rejection] = [
        Rejection(name: "gateway outside the interface's subnet", gateways: ["10.1.0.1"],
                  problem: .gatewayNotOnInterface(gateway: ip("10.1.0.1"), interface: "net1", subnets: subnets),
                  fragment: "gateway 10.1.0.1 is not reachable on net1: its subnet is 10.9.0.0/24"),
        Rejection(name: "IPv6 gateway outside the interface's IPv6 subnet", gateways: ["fd01::1"],
                  problem: .gatewayNotOnInterface(gateway: ip("fd01::1"), interface: "net1", subnets: subnets),
                  fragment: "its subnet is fd09::/64"),
        Rejection(name: "the interface has no address of the gateway's family", gateways: ["fd09::1"], interface: "eth0",
                  problem: .gatewayNotOnInterface(gateway: ip("fd09::1"), interface: "eth0", subnets: [prefix("10.9.0.5/24")]),
                  fragment: "it has no IPv6 address"),
        Rejection(name: "the gateway is the interface's own address", gateways: ["10.9.0.5"],
                  problem: .gatewayIsOwnAddress(gateway: ip("10.9.0.5"), interface: "net1"),
                  fragment: "gateway 10.9.0.5 is net1's own address"),
        Rejection(name: "two IPv4 gateways", gateways: ["10.9.0.1", "10.9.0.2"],
                  problem: .twoGateways(ip("10.9.0.1"), ip("10.9.0.2")), fragment: "both IPv4: one default route per address family"),
        Rejection(name: "the interface is gone", gateways: ["10.9.0.1"], interface: "net7",
                  problem: .interfaceMissing("net7"), fragment: "interface net7 is not in the pod's network namespace"),
    ]

    @Test("requests that cannot be carried out, found before anything changes", arguments: rejections)
    func rejects(_ row: Rejection) {
        let subnets = row.interface == "eth0" ? [Self.prefix("10.9.0.5/24")] : Self.subnets
        #expect(throws: row.problem) {
            _ = try DefaultRoutePlan.make(gateways: row.gateways.map(Self.ip), interface: row.interface, subnets: subnets,
                                          links: Self.links + [KernelLink(index: 4, name: "eth0x")], routes: [Self.eth0Default])
        }
        #expect(row.problem.description.contains(row.fragment), "\(row.problem)")
    }

    @Test("prefix containment: family, prefix length, host bits ignored")
    func containment() {
        #expect(Self.prefix("10.9.0.5/24").contains(Self.ip("10.9.0.1")))
        #expect(!Self.prefix("10.9.0.5/24").contains(Self.ip("10.9.1.1")))
        #expect(Self.prefix("10.9.0.5/23").contains(Self.ip("10.9.1.1")))
        #expect(Self.prefix("10.9.0.5/0").contains(Self.ip("192.0.2.1")))
        #expect(!Self.prefix("10.9.0.5/32").contains(Self.ip("10.9.0.6")))
        #expect(Self.prefix("fd09::5/64").contains(Self.ip("fd09::ffff:1")))
        #expect(!Self.prefix("fd09::5/64").contains(Self.ip("fd09:0:0:1::1")))
        #expect(!Self.prefix("0.0.0.0/0").contains(Self.ip("::1")))
        #expect(DefaultRouteProblem.network(of: Self.prefix("10.9.3.5/22")) == "10.9.0.0/22")
    }
}
