import Testing
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetJSON
@testable import MultinetNetlink
@testable import MultinetPlanning

/// `default-route` through the whole ADD, in-process: fake delegates and a fake kernel.
@Suite("multinet plugin: default-route")
struct DefaultRouteAddTests {
    static func ip(_ text: String) -> IPAddress { IPAddress(text)! }
    static func prefix(_ text: String) -> IPAddressPrefix { IPAddressPrefix(text)! }

    static let eth0Default = KernelRoute(destination: prefix("0.0.0.0/0"), gateway: ip("10.1.0.1"), outputInterface: 2)
    static let eth0Link = KernelRoute(destination: prefix("10.1.5.0/24"), outputInterface: 2, origin: 2, scope: 253)
    static let serviceCIDR = KernelRoute(destination: prefix("10.96.0.0/12"), gateway: ip("10.1.0.1"), outputInterface: 2)
    static let net1Link = KernelRoute(destination: prefix("10.1.51.0/24"), outputInterface: 3, origin: 2, scope: 253)

    /// The pod web selecting `macnet` with `default-route`; the kernel as the delegates left it.
    func fixture(gateways: String) throws -> (MultinetFixture, FakeKube, FakeKernel, Multinet) {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", MultinetTests.bridgeList)
        let kube = FakeKube()
        kube.add(PodInfo(namespace: "default", name: "web", uid: "u1",
                         annotations: ["k8s.v1.cni.cncf.io/networks": #"[{"name":"macnet","default-route":[\#(gateways)]}]"#]))
        kube.add(KubeObjectFixtures.nad("default", "macnet", config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
        f.executor.on("bridge", MultiNetworkTests.addressing)
        f.executor.on("macvlan", MultiNetworkTests.addressing)
        let kernel = FakeKernel(links: [KernelLink(index: 1, name: "lo"), KernelLink(index: 2, name: "eth0"), KernelLink(index: 3, name: "net1")],
                                routes: [Self.eth0Default, Self.eth0Link, Self.serviceCIDR, Self.net1Link])
        var plugin = f.plugin
        plugin.kubeFactory = kube
        plugin.kernel = kernel
        return (f, kube, kernel, plugin)
    }

    @Test("the default route moves to net1 via the gateway; the cluster network's other routes stay; results, status and store follow")
    func moves() async throws {
        let (f, kube, kernel, plugin) = try fixture(gateways: #""10.1.51.1""#)
        let result = try await plugin.add(f.request(.add))

        #expect(kernel.sessions == ["/var/run/netns/c1"])
        #expect(kernel.log == ["del default via 10.1.0.1 dev #2", "add default via 10.1.51.1 dev #3"])
        #expect(kernel.routes == [Self.eth0Link, Self.serviceCIDR, Self.net1Link, .defaultRoute(via: Self.ip("10.1.51.1"), interface: 3)])

        // The runtime's (cluster network's) result no longer claims the default route.
        #expect(result["routes"] == nil, "\(result.jsonText)")
        #expect(result["ips"]?.arrayValue?.first?["address"]?.stringValue == "10.1.5.5/24")

        // network-status: the default route's gateway is on net1's entry only.
        let status = try JSONValue(parsing: try #require(kube.patches.first?.annotations[NetworkStatus.annotation]))
        let entries = try #require(status.arrayValue)
        #expect(entries.map { $0["interface"]?.stringValue } == ["eth0", "net1"])
        #expect(entries[0]["gateway"] == nil && entries[0]["default-route"] == nil, "\(status.jsonText)")
        #expect(entries[1]["gateway"] == .array([.string("10.1.51.1")]), "\(status.jsonText)")
        #expect(entries[1]["default-route"] == .array([.string("10.1.51.1")]), "\(status.jsonText)")
        #expect(entries.map { $0["default"]?.boolValue } == [true, false])

        // The store holds what is in the namespace, so CHECK and DEL replay it.
        let records = try f.store().attachments(containerID: "c1", runtimeIfName: "eth0")
        let recorded = try records.map { try CNIResult(parsing: try #require($0.result)) }
        #expect(recorded[0].routes.isEmpty)
        #expect(recorded[1].routes == [CNIRoute(dst: Self.prefix("0.0.0.0/0"), gw: Self.ip("10.1.51.1"))])
        #expect(records.allSatisfy { $0.state == .attached })
        try await plugin.check(f.request(.check))
        let check = try #require(f.executor.calls.first { $0.type == "macvlan" && $0.command == .check })
        #expect(check.stdin["prevResult"]?["routes"]?.arrayValue?.first?["gw"]?.stringValue == "10.1.51.1")

        try await plugin.del(f.request(.del))
        #expect(try f.store().allAttachments().isEmpty)
        #expect(kernel.sessions.count == 1, "DEL needs no route change: the interfaces take their routes with them")
    }

    @Test("a selection without default-route never opens the namespace")
    func untouched() async throws {
        let (f, kube, kernel, plugin) = try fixture(gateways: "")
        let result = try await plugin.add(f.request(.add))
        #expect(kernel.sessions.isEmpty)
        #expect(result["routes"]?.arrayValue?.count == 1)
        let status = try JSONValue(parsing: try #require(kube.patches.first?.annotations[NetworkStatus.annotation]))
        #expect(status.arrayValue?.map { $0["gateway"] } == [.array([.string("10.1.0.1")]), .array([.string("10.1.0.1")])],
                "each result's own default route, as the client library reports it")
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        var name: String
        var gateways: String
        var failAdditionsVia: String?
        var code: Int
        var fragments: [String]
        var kernelLog: [String]
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "a gateway outside net1's subnet: code 7, nothing changed", gateways: #""10.1.99.1""#, code: 7,
                fragments: ["gateway 10.1.99.1 is not reachable on net1: its subnet is 10.1.51.0/24"], kernelLog: []),
        Failure(name: "an IPv6 gateway where net1 has no IPv6 address", gateways: #""fd00::1""#, code: 7,
                fragments: ["default-route via fd00::1", "it has no IPv6 address"], kernelLog: []),
        Failure(name: "the kernel refuses the new route: code 5, the removed route is put back", gateways: #""10.1.51.1""#,
                failAdditionsVia: "10.1.51.1", code: 5,
                fragments: ["cannot add the default route via 10.1.51.1 on net1", "Network is unreachable"],
                kernelLog: ["del default via 10.1.0.1 dev #2", "add failed default via 10.1.51.1 dev #3", "add default via 10.1.0.1 dev #2"]),
    ]

    @Test("a default route that cannot be set fails the ADD like an attachment: all rolled back, the error names pod, network, interface, gateway",
          arguments: failures)
    func fails(_ row: Failure) async throws {
        let (f, kube, kernel, plugin) = try fixture(gateways: row.gateways)
        if let gateway = row.failAdditionsVia { kernel.failAdditions(via: Self.ip(gateway), errno: 101) }
        let request = try f.request(.add)
        do {
            _ = try await plugin.add(request)
            Issue.record("the ADD succeeded")
        } catch {
            let error = CNIError(reporting: error)
            #expect(error.code == row.code, "\(error)")
            let text = error.description
            for fragment in ["pod default/web", "network \"default/macnet\" on interface net1"] + row.fragments {
                #expect(text.contains(fragment), "\(text) lacks \(fragment)")
            }
        }
        #expect(kernel.log == row.kernelLog)
        #expect(Array(f.executor.trace.suffix(3)) == ["macvlan DEL net1", "portmap DEL eth0", "bridge DEL eth0"], "rolled back in reverse")
        #expect(kube.patches.isEmpty, "no network-status for a failed ADD")
        let records = try f.store().allAttachments()
        #expect(records.count == 2 && records.allSatisfy { $0.state == .addFailed })
        try await plugin.del(f.request(.del))
        #expect(try f.store().allAttachments().isEmpty)
    }
}
