import Foundation
import KubeAPIServerDouble
import MultinetCNI
import MultinetJSON
import MultinetTestSupport
import Testing

/// `default-route` with the real binary, Debian's bridge and host-local in a real netns and
/// the apiserver double: the pod's default route moves from the cluster network on `eth0`
/// to the selected network's interface, the cluster network's other routes stay.
@Suite("End to end: default-route", .endToEnd)
struct DefaultRouteTests {
    /// The setting: the cluster network `podnet` (the node's bridge, `isDefaultGateway`, a
    /// "service CIDR" route from host-local) and NAD `default/gwnet` (a bridge of its own with
    /// the gateway address, host-local in its own subnet), selected with `default-route`.
    struct Setting {
        let serviceSubnet = ConfigFixtures.uniqueSubnet()
        /// gwnet's subnet: a unique IPv4 `/24`, or with `ipv6` a unique `/64` made from one.
        let netSubnet: String
        let netGateway: String

        init(ipv6: Bool = false) {
            let v4 = ConfigFixtures.uniqueSubnet()
            guard ipv6 else {
                netSubnet = v4
                netGateway = ConfigFixtures.gateway(of: v4)
                return
            }
            // 10.B.C.0/24 -> fd6d:6e00:B:C::/64, gateway ::1: unique as the IPv4 subnet is.
            // Written in canonical form (RFC 5952), as `ip` and the plugins print them: with
            // C = 0 the text "fd6d:6e00:B:0::1" would name the same address differently.
            let octets = v4.split(separator: "/")[0].split(separator: ".")
            let prefix = "fd6d:6e00:\(octets[1]):\(octets[2])"
            netSubnet = IPAddress(prefix + "::")!.description + "/64"
            netGateway = IPAddress(prefix + "::1")!.description
        }

        func selection(gateway: String) -> String {
            #"[{"name":"gwnet","default-route":["\#(gateway)"]}]"#
        }

        /// Writes the cluster network, seeds the NAD; returns every host-local data dir in play.
        func install(on cluster: MultinetCluster) throws -> [String] {
            let node = cluster.node
            var podnet = ConfigFixtures.bridgePlugin(bridge: node.bridge, subnet: node.subnet, dataDir: node.ipamDir)
            podnet["isDefaultGateway"] = .bool(true)
            podnet["ipam"] = .object(JSONObject([
                ("type", .string("host-local")), ("subnet", .string(node.subnet)), ("dataDir", .string(node.ipamDir)),
                // With its gw: Debian's bridge CHECK cannot find a gw-less route (it compares a nil gw).
                ("routes", .array([.object(JSONObject([("dst", .string(serviceSubnet)),
                                                       ("gw", .string(ConfigFixtures.gateway(of: node.subnet)))]))])),
            ]))
            try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: node.networkName, plugins: [podnet]))
            let bridge = HostNetwork.uniqueName(prefix: "mngw")
            node.track(link: bridge)
            let netDataDir = try node.directory.directory("ipam-gwnet")
            let config = ConfigFixtures.networkConfig(
                name: "gwnet", plugin: ConfigFixtures.bridgePlugin(bridge: bridge, subnet: netSubnet, dataDir: netDataDir))
            try cluster.server.seed(KubeObjects.networkAttachmentDefinition(name: "gwnet", config: config))
            return [node.ipamDir, netDataDir]
        }

        /// A pod attached with `default-route` via gwnet's own gateway.
        struct AttachedPod {
            let ns: NetworkNamespace
            let id: String
            let add: CNIPluginResult
            /// Every host-local data dir in play.
            let dataDirs: [String]
            /// The cluster network's gateway.
            let podGateway: String
        }

        /// Installs the setting, ADDs a pod selecting gwnet with its gateway as `default-route`,
        /// requires the ADD to succeed with `eth0` and `net1`, then runs `body`.
        func withAttachedPod(_ body: (MultinetCluster, AttachedPod) async throws -> Void) async throws {
            try await MultinetCluster.with(annotations: [Dialect.npwg: selection(gateway: netGateway)]) { cluster in
                let dataDirs = try install(on: cluster)
                let ns = try cluster.node.namespace()
                let id = RuntimeInvocation.randomContainerID()
                let add = try await cluster.run("ADD", containerID: id, netns: ns.path)
                try #require(add.succeeded, "\(add.summary)")
                #expect(try ns.linksBesidesLoopback() == ["eth0", "net1"])
                try await body(cluster, AttachedPod(ns: ns, id: id, add: add, dataDirs: dataDirs,
                                                    podGateway: ConfigFixtures.gateway(of: cluster.node.subnet)))
            }
        }
    }

    @Test("default via the NAD's gateway on net1, none via eth0; eth0's link and service routes stay; network-status and CHECK agree; DEL leaves nothing")
    func movesTheDefaultRoute() async throws {
        let setting = Setting()
        try await setting.withAttachedPod { cluster, pod in
            let (node, ns, id, add, dataDirs, podGateway) = (cluster.node, pod.ns, pod.id, pod.add, pod.dataDirs, pod.podGateway)

            let routes = try ns.routes()
            let defaults = routes.filter(\.isDefault)
            #expect(defaults == [IPRoute(destination: "default", gateway: setting.netGateway, device: "net1")],
                    "one default route, via the NAD's gateway on net1: \(routes)")
            #expect(routes.contains { $0.destination == setting.serviceSubnet && $0.gateway == podGateway && $0.device == "eth0" },
                    "the cluster network's service route stays on eth0: \(routes)")
            #expect(routes.contains { $0.destination == node.subnet && $0.device == "eth0" && $0.origin == "kernel" },
                    "eth0's subnet route stays: \(routes)")
            #expect(routes.contains { $0.destination == setting.netSubnet && $0.device == "net1" }, "\(routes)")

            // The runtime's result (the cluster network's) no longer has the default route.
            let resultRoutes = (add.jsonObject?["routes"] as? [[String: Any]] ?? []).compactMap { $0["dst"] as? String }
            #expect(!resultRoutes.contains("0.0.0.0/0"), "\(add.summary)")
            #expect(resultRoutes.contains(setting.serviceSubnet), "\(add.summary)")

            // network-status marks net1 as carrying the default route, as the client library does.
            let status = try #require(try cluster.networkStatus(), "no network-status; \(add.summary)")
            #expect(status.map(\.interface) == ["eth0", "net1"])
            #expect(status.map(\.gateway) == [[], [setting.netGateway]], "\(status)")
            #expect(status.map(\.defaultRoute) == [[], [setting.netGateway]], "\(status)")
            #expect(status.map { $0.isDefault ?? false } == [true, false])

            // CHECK: the bridge plugin checks its recorded routes against the namespace.
            let check = try await cluster.run("CHECK", containerID: id, netns: ns.path)
            #expect(check.succeeded, "\(check.summary)")

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try ns.routes().isEmpty)
            #expect(try cluster.reservations(in: dataDirs).isEmpty)
            #expect(try node.records().isEmpty)
        }
    }

    @Test("IPv6: default-route with net1's IPv6 gateway moves only the IPv6 default route; the IPv4 default stays on eth0; DEL leaves nothing")
    func movesTheIPv6DefaultRoute() async throws {
        let setting = Setting(ipv6: true)
        try await setting.withAttachedPod { cluster, pod in
            let (node, ns, id, add, dataDirs, podGateway) = (cluster.node, pod.ns, pod.id, pod.add, pod.dataDirs, pod.podGateway)

            let v6 = try ns.routes(ipv6: true)
            #expect(v6.filter(\.isDefault) == [IPRoute(destination: "default", gateway: setting.netGateway, device: "net1")],
                    "one IPv6 default route, via net1's gateway: \(v6)")
            #expect(v6.contains { $0.destination == setting.netSubnet && $0.device == "net1" }, "\(v6)")
            let v4 = try ns.routes()
            #expect(v4.filter(\.isDefault) == [IPRoute(destination: "default", gateway: podGateway, device: "eth0")],
                    "the IPv4 default route stays on eth0: \(v4)")

            let status = try #require(try cluster.networkStatus(), "no network-status; \(add.summary)")
            #expect(status.map(\.interface) == ["eth0", "net1"])
            // Each interface's default routes as they now are: eth0 keeps IPv4's, net1 has IPv6's.
            #expect(status.map(\.defaultRoute) == [[podGateway], [setting.netGateway]], "\(status)")

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try ns.routes(ipv6: true).filter { !$0.destination.hasPrefix("fe80") && $0.device != "lo" }.isEmpty)
            #expect(try cluster.reservations(in: dataDirs).isEmpty)
            #expect(try node.records().isEmpty)
        }
    }

    @Test("a gateway outside net1's subnet fails the ADD naming it: nothing attached, no reservation left")
    func unreachableGateway() async throws {
        let setting = Setting()
        let stray = ConfigFixtures.gateway(of: ConfigFixtures.uniqueSubnet())
        try await MultinetCluster.with(annotations: [Dialect.npwg: setting.selection(gateway: stray)]) { cluster in
            let dataDirs = try setting.install(on: cluster)
            let node = cluster.node
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path)
            #expect(!add.succeeded, "\(add.summary)")
            let error = try #require(add.cniError, "\(add.summary)")
            #expect(error.code == 7, "\(add.summary)")
            for fragment in ["pod default/web", "network \"default/gwnet\" on interface net1", "gateway \(stray) is not reachable on net1"] {
                #expect(error.msg.contains(fragment), "\(error.msg) lacks \(fragment)")
            }
            #expect(try ns.linksBesidesLoopback().isEmpty, "rolled back")
            #expect(try cluster.reservations(in: dataDirs).isEmpty, "no address held")
            #expect(try cluster.networkStatus() ?? [] == [], "a failed ADD publishes no network-status")

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try node.records().isEmpty)
        }
    }
}
