import Foundation
import KubeAPIServerDouble
import MultinetCNI
import MultinetJSON
import MultinetTestSupport
import Testing

/// The multi-network tests' helpers, checked on their own so a failure of those tests
/// points at multinet rather than at a broken fixture.
@Suite("Multi-network test support")
struct MultiNetworkSupportTests {
    @Test("network-status parses a Multus-shaped annotation")
    func parseNetworkStatus() throws {
        let text = #"""
        [{"name":"podnet","interface":"eth0","ips":["10.1.0.5/24"],"mac":"0A:58:0A:01:00:05","default":true,"dns":{}},
         {"name":"default/macnet","interface":"net1","ips":["10.2.0.7/24"],"mac":"aa:bb:cc:dd:ee:ff","dns":{"nameservers":[]}}]
        """#
        let entries = try NetworkStatusEntry.parse(text)
        #expect(entries.map(\.name) == ["podnet", "default/macnet"])
        #expect(entries.map(\.interface) == ["eth0", "net1"])
        #expect(entries.map(\.isDefault) == [true, nil])
        #expect(entries.map(\.mac) == ["0a:58:0a:01:00:05", "aa:bb:cc:dd:ee:ff"])
        #expect(entries[1].ips == ["10.2.0.7/24"])
        #expect(entries.allSatisfy { $0.hasDNSObject })
        #expect(throws: (any Error).self) { try NetworkStatusEntry.parse(#"{"name":"x"}"#) }
    }

    @Test("the thick test plugin: VERSION, refuses 1.0.0, attaches with bridge at 0.4.0 and detaches", .endToEnd)
    func thickPlugin() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let bridge = HostNetwork.uniqueName(prefix: "mntk")
        node.track(link: bridge)
        let subnet = ConfigFixtures.uniqueSubnet()
        let dataDir = try node.directory.directory("ipam-thick")
        let callLog = node.directory.file("calls")
        let path = try node.writeDelegate("thick-example", script: TestPluginScripts.thickBridge(
            bridge: bridge, subnet: subnet, dataDir: dataDir, callLog: callLog))
        let runner = CNIPluginRunner(executable: path)
        let version = try await runner.run(.version(config: #"{"cniVersion":"1.0.0"}"#)).requireSuccess()
        #expect(version.jsonObject?["supportedVersions"] as? [String] == ["0.3.1", "0.4.0"])

        let ns = try node.namespace()
        let id = RuntimeInvocation.randomContainerID()
        let refused = try await runner.run(.add(containerID: id, netns: ns.path, ifname: "eth2",
                                                 config: config(version: "1.0.0")))
        #expect(refused.exitCode == 1 && refused.cniError?.code == 1, "\(refused.summary)")
        let add = try await runner.run(.add(containerID: id, netns: ns.path, ifname: "eth2",
                                             config: config(version: "0.4.0"))).requireSuccess()
        #expect(try ns.addresses(of: "eth2").allSatisfy { ConfigFixtures.subnet(subnet, contains: $0) }, "\(add.summary)")
        let reservations = HostLocalReservations(dataDir: dataDir, network: "thick-plugin-example")
        #expect(try reservations.held(by: id, ifname: "eth2").count == 1)
        try await runner.run(.del(containerID: id, netns: ns.path, ifname: "eth2", config: config(version: "0.4.0"))).requireSuccess()
        #expect(try !ns.linkExists("eth2"))
        #expect(try HostLocalReservations.everything(under: dataDir).isEmpty)
        #expect(TestPluginScripts.calls(in: callLog) == ["VERSION -", "ADD 1.0.0", "ADD 0.4.0", "DEL 0.4.0"])
    }

    @Test("the failing test plugin: ADD prints its error, DEL succeeds", .endToEnd)
    func failingPlugin() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let path = try node.writeDelegate("refuser", script: TestPluginScripts.failingAdd(code: 142, message: "no, on purpose"))
        let runner = CNIPluginRunner(executable: path)
        let config = #"{"cniVersion":"1.0.0","name":"broken","type":"refuser"}"#
        let add = try await runner.run(.add(containerID: "c1", netns: "/var/run/netns/none", config: config))
        #expect(add.exitCode == 1 && add.cniError == CNIError(code: 142, msg: "no, on purpose"), "\(add.summary)")
        try await runner.run(.del(containerID: "c1", netns: "", config: config)).requireSuccess()
    }

    @Test("MultinetCluster reads back the network-status patched onto the pod", .endToEnd)
    func clusterReadsStatus() async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: "macnet"]) { cluster in
            #expect(try cluster.networkStatus() == nil)
            #expect(cluster.podAnnotation(Dialect.npwg) == "macnet")
            let status = #"[{"name":"podnet","interface":"eth0","ips":["10.1.0.5/24"],"mac":"0a:58:0a:01:00:05","default":true,"dns":{}}]"#
            try cluster.server.store.mergePatch(.pods, namespace: "default", name: "web",
                                                .object(["metadata": .object(["annotations": .object([NetworkStatusEntry.annotation: .string(status)])])]))
            #expect(try cluster.networkStatus()?.map(\.interface) == ["eth0"])
            #expect(cluster.podAnnotation(Dialect.npwg) == "macnet")
            let config = try JSONValue(parsing: cluster.config(extra: ["namespaceIsolation": .bool(true)]))
            #expect(config["kubeconfig"]?.stringValue == cluster.kubeconfig)
            #expect(config["thickConfDir"]?.stringValue == cluster.thickConfDir)
            #expect(config["namespaceIsolation"]?.boolValue == true)
            #expect(cluster.invocation("ADD", containerID: "c1", netns: "").args.contains("K8S_POD_UID=\(cluster.podUID)"))
        }
    }

    func config(version: String) -> String {
        #"{"cniVersion":"\#(version)","name":"thick-plugin-example","type":"thick-example"}"#
    }
}
