import Foundation
import KubeAPIServerDouble
import MultinetCore
import MultinetTestSupport
import Testing

/// The last network of a pod fails: everything attached before is rolled back.
@Suite("End to end: rollback of a failed multi-network ADD", .endToEnd)
struct RollbackTests {
    /// How the last network, NAD `default/broken` on `net3`, fails.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        /// The fragment of the delegate's own error message that multinet must pass on.
        var delegateMessage: String
        var testDescription: String { name }
    }

    static let breakages = [
        Breakage(name: "a test plugin answers CNI error 142", delegateMessage: "refuser turns this attachment down on purpose"),
        Breakage(name: "macvlan's master does not exist", delegateMessage: "Link not found"),
    ]

    @Test("the last network fails: ADD exits 1 naming pod, network, interface and the delegate's message; nothing is left",
          arguments: breakages)
    func lastNetworkFails(_ breakage: Breakage) async throws {
        try E2EEnvironment.require()
        let selection = NPWGNetworks.selection + ", broken"
        try await MultinetCluster.with(annotations: [Dialect.npwg: selection]) { cluster in
            let networks = try NPWGNetworks(cluster)
            let node = cluster.node
            let brokenDataDir = try node.directory.directory("ipam-broken")
            let brokenConfig: JSONObject
            if breakage.name.hasPrefix("macvlan") {
                brokenConfig = JSONObject([
                    ("cniVersion", .string("1.0.0")), ("name", .string("broken")), ("type", .string("macvlan")),
                    ("master", .string(HostNetwork.uniqueName(prefix: "mnabsent"))), ("mode", .string("bridge")),
                    ("ipam", ConfigFixtures.hostLocalIPAM(subnet: ConfigFixtures.uniqueSubnet(), dataDir: brokenDataDir)),
                ])
            } else {
                try node.writeDelegate("refuser", script: TestPluginScripts.failingAdd(code: 142, message: breakage.delegateMessage))
                brokenConfig = JSONObject([("cniVersion", .string("1.0.0")), ("name", .string("broken")), ("type", .string("refuser"))])
            }
            try cluster.server.seed(KubeObjects.networkAttachmentDefinition(
                name: "broken", config: JSONValue.object(brokenConfig).jsonText))
            let dataDirs = networks.dataDirs + [brokenDataDir]
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path)
            #expect(add.exitCode == 1, "\(add.summary)")
            let error = try #require(add.cniError, "\(add.summary)")
            for fragment in ["default/web", "broken", "net3", breakage.delegateMessage] {
                #expect(error.msg.contains(fragment), "msg lacks \"\(fragment)\": \(add.summary)")
            }
            // Rolled back: no interface, no reservation, no network-status.
            #expect(try ns.linksBesidesLoopback().isEmpty, "\(add.summary)")
            #expect(try cluster.reservations(in: dataDirs).isEmpty, "\(add.summary)")
            #expect(try cluster.networkStatus() ?? [] == [], "a failed ADD must not publish network-status")
            let kept = try cluster.records(of: id)
            #expect(kept.allSatisfy { $0.state != .attached }, "rolled-back attachments still recorded as attached: \(kept)")

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try cluster.reservations(in: dataDirs).isEmpty)
            #expect(try node.records().isEmpty)
        }
    }
}
