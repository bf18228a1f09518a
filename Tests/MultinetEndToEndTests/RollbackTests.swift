import Foundation
import KubeAPIServerDouble
import MultinetJSON
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
        // macvlan creates its link, host-local finds the range taken, macvlan removes the
        // link again: a real plugin failing halfway, after it changed the pod's netns.
        Breakage(name: "macvlan's address range is exhausted", delegateMessage: "no IP addresses available"),
    ]

    @Test("the last network fails: ADD exits 1 naming pod, network, interface and the delegate's message; nothing is left",
          arguments: breakages)
    func lastNetworkFails(_ breakage: Breakage) async throws {
        let selection = NPWGNetworks.selection + ", broken"
        try await MultinetCluster.with(annotations: [Dialect.npwg: selection]) { cluster in
            let networks = try NPWGNetworks(cluster)
            let node = cluster.node
            let brokenDataDir = try node.directory.directory("ipam-broken")
            let brokenConfig: JSONObject
            if breakage.name.hasPrefix("macvlan") {
                // A range of one address, held by another container in a data dir of its own.
                let subnet = ConfigFixtures.uniqueSubnet()
                let only = ConfigFixtures.gateway(of: subnet).replacingOccurrences(of: #"\.1$"#, with: ".10", options: .regularExpression)
                let takenDir = try node.directory.directory("ipam-taken")
                let held = try node.directory.directory("ipam-taken/broken")
                try "someone-else\neth0".write(toFile: held + "/" + only, atomically: true, encoding: .utf8)
                brokenConfig = JSONObject([
                    ("cniVersion", .string("1.0.0")), ("name", .string("broken")), ("type", .string("macvlan")),
                    ("master", .string(networks.macvlanMaster)), ("mode", .string("bridge")),
                    ("ipam", .object(JSONObject([
                        ("type", .string("host-local")), ("dataDir", .string(takenDir)),
                        ("ranges", .array([.array([.object(JSONObject([
                            ("subnet", .string(subnet)), ("rangeStart", .string(only)), ("rangeEnd", .string(only)),
                        ]))])])),
                    ]))),
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
            // kubectl describe pod shows why: a Warning Event from multinet.
            let events = cluster.server.store.list(.events, namespace: "default")
            #expect(events.contains {
                $0.string(at: "involvedObject.name") == "web" && $0.string(at: "reason") == "MultinetAttachFailed"
                    && $0.string(at: "type") == "Warning" && ($0.string(at: "message") ?? "").contains(breakage.delegateMessage)
            }, "no MultinetAttachFailed event: \(events)")
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
