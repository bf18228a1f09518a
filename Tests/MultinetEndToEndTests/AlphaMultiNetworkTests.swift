import Foundation
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// The 2017 dialect (`alpha.network.k8s.io/networks`): thin Networks from the conf dir and a
/// thick plugin whose config is generated (version negotiated with `VERSION`) or taken from
/// a template in `thickConfDir`.
@Suite("End to end: alpha Networks and thick plugins", .endToEnd)
struct AlphaMultiNetworkTests {
    /// How the thick plugin's config comes about, and the version it must carry.
    struct ThickCase: Sendable, CustomTestStringConvertible {
        var template: String?
        var expectedVersion: String
        var testDescription: String { template == nil ? "generated, version negotiated" : "from a thickConfDir template" }
    }

    static let thickCases = [
        ThickCase(template: nil, expectedVersion: "0.4.0"),
        ThickCase(template: #"{"cniVersion":"0.3.1","type":"thick-example","templateMarker":"from-template"}"#,
                  expectedVersion: "0.3.1"),
    ]

    @Test("three kinds on one pod: dbnet (thin bridge) is the default on eth0, othernet (thin macvlan on a veth) on eth1, thick-plugin-example on eth2", arguments: thickCases)
    func alphaNetworks(_ thick: ThickCase) async throws {
        let selection = "dbnet,othernet,thick-plugin-example"
        try await MultinetCluster.with(annotations: [Dialect.alpha: selection]) { cluster in
            let node = cluster.node
            try cluster.server.seed(KubeObjects.network(name: "dbnet"), KubeObjects.network(name: "othernet"),
                                    KubeObjects.network(name: "thick-plugin-example", plugin: "thick-example"))
            let db = try bridgeNetwork(node, name: "dbnet", file: "30-dbnet.conf", conflist: false)
            let other = try macvlanNetwork(node, name: "othernet", file: "40-othernet.conflist")
            let thickBridge = HostNetwork.uniqueName(prefix: "mntk")
            node.track(link: thickBridge)
            let thickSubnet = ConfigFixtures.uniqueSubnet()
            let thickDir = try node.directory.directory("ipam-thick")
            let callLog = node.directory.file("thick-example.calls")
            try node.writeDelegate("thick-example", script: TestPluginScripts.thickBridge(
                bridge: thickBridge, subnet: thickSubnet, dataDir: thickDir, callLog: callLog))
            if let template = thick.template { try cluster.writeThickTemplate("thick-example.conf", template) }
            let dataDirs = [node.ipamDir, db.dataDir, other.dataDir, thickDir]

            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let add = try await cluster.run("ADD", containerID: id, netns: ns.path)
            try #require(add.succeeded, "\(add.summary)\n  thick-example calls: \(TestPluginScripts.calls(in: callLog))")

            #expect(try ns.linksBesidesLoopback() == ["eth0", "eth1", "eth2"], "\(add.summary)")
            let eth0 = try ns.addresses(of: "eth0"), eth1 = try ns.addresses(of: "eth1"), eth2 = try ns.addresses(of: "eth2")
            #expect(eth0.count == 1 && eth0.allSatisfy { ConfigFixtures.subnet(db.subnet, contains: $0) }, "eth0 \(eth0)")
            #expect(eth1.count == 1 && eth1.allSatisfy { ConfigFixtures.subnet(other.subnet, contains: $0) }, "eth1 \(eth1)")
            #expect(eth2.count == 1 && eth2.allSatisfy { ConfigFixtures.subnet(thickSubnet, contains: $0) }, "eth2 \(eth2)")
            // dbnet is the pod's default: the runtime gets its result; podnet is not used.
            #expect(add.ipAddresses == eth0, "\(add.summary)")
            #expect(add.jsonObject?["cniVersion"] as? String == "1.0.0", "\(add.summary)")
            #expect(try node.reservations.ips().isEmpty, "podnet must not be attached")

            let records = try cluster.records(of: id)
            #expect(records.map(\.network) == ["dbnet", "othernet", "thick-plugin-example"])
            #expect(records.map(\.ifName) == ["eth0", "eth1", "eth2"])
            #expect(records.map(\.isDefault) == [true, false, false])
            #expect(records.map(\.networkKind) == ["Network", "Network", "Network"])
            #expect(records.map(\.networkNamespace) == ["default", "default", "default"])
            let thickRecord = records.first { $0.network == "thick-plugin-example" }
            #expect(recordedConfigValue(thickRecord, "cniVersion")?.stringValue == thick.expectedVersion)
            #expect(recordedConfigValue(thickRecord, "name")?.stringValue == "thick-plugin-example")
            #expect(recordedConfigValue(thickRecord, "type")?.stringValue == "thick-example")
            if thick.template != nil {
                #expect(recordedConfigValue(thickRecord, "templateMarker")?.stringValue == "from-template",
                        "the template is used as is")
            }
            // The thick plugin was only ever called with a version it supports.
            let calls = TestPluginScripts.calls(in: callLog).filter { !$0.hasPrefix("VERSION") }
            #expect(calls == ["ADD \(thick.expectedVersion)"], "\(calls)")

            let status = try #require(try cluster.networkStatus(), "no network-status annotation; \(add.summary)")
            #expect(status.map(\.name) == ["default/dbnet", "default/othernet", "default/thick-plugin-example"], "\(status)")
            #expect(status.map(\.interface) == ["eth0", "eth1", "eth2"], "\(status)")
            #expect(status.map { $0.isDefault ?? false } == [true, false, false], "exactly the first is default (a missing `default` counts as false): \(status)")
            for entry in status {
                let ifname = try #require(entry.interface)
                #expect(try Set(ns.addresses(of: ifname)) == Set(entry.ips), "\(entry)")
                #expect(try ns.mac(of: ifname) == entry.mac, "\(entry)")
            }

            #expect(try HostLocalReservations(dataDir: thickDir, network: "thick-plugin-example").held(by: id, ifname: "eth2").count == 1)
            #expect(try HostLocalReservations(dataDir: db.dataDir, network: "dbnet").held(by: id, ifname: "eth0").count == 1)
            #expect(try HostLocalReservations(dataDir: other.dataDir, network: "othernet").held(by: id, ifname: "eth1").count == 1)

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try cluster.reservations(in: dataDirs).isEmpty)
            #expect(try node.records().isEmpty)
            #expect(TestPluginScripts.calls(in: callLog).contains("DEL \(thick.expectedVersion)"))
        }
    }

    /// A macvlan network on disk over a fresh veth parent, with its own subnet and data dir.
    func macvlanNetwork(_ node: MultinetNode, name: String, file: String) throws -> (subnet: String, dataDir: String) {
        let parent = HostNetwork.uniqueName(prefix: "mnvp")
        try HostNetwork.createVethPair(parent, HostNetwork.uniqueName(prefix: "mnvq"))
        node.track(link: parent)
        let subnet = ConfigFixtures.uniqueSubnet()
        let dataDir = try node.directory.directory("ipam-" + name)
        let list = JSONValue.object(JSONObject([
            ("cniVersion", .string("1.0.0")), ("name", .string(name)),
            ("plugins", .array([.object(JSONObject([
                ("type", .string("macvlan")), ("master", .string(parent)), ("mode", .string("bridge")),
                ("ipam", ConfigFixtures.hostLocalIPAM(subnet: subnet, dataDir: dataDir)),
            ]))])),
        ]))
        try node.writeConf(file, list.jsonText)
        return (subnet, dataDir)
    }

    /// A bridge network on disk with its own bridge, subnet and host-local data dir.
    func bridgeNetwork(_ node: MultinetNode, name: String, file: String, conflist: Bool) throws -> (subnet: String, dataDir: String) {
        let bridge = HostNetwork.uniqueName(prefix: "mnab")
        node.track(link: bridge)
        let subnet = ConfigFixtures.uniqueSubnet()
        let dataDir = try node.directory.directory("ipam-" + name)
        try node.writeConf(file, conflist
            ? ConfigFixtures.bridgeConflist(name: name, bridge: bridge, subnet: subnet, dataDir: dataDir)
            : ConfigFixtures.bridgeConf(name: name, bridge: bridge, subnet: subnet, dataDir: dataDir))
        return (subnet, dataDir)
    }
}
