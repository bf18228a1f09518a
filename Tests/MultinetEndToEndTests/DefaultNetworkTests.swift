import Foundation
import Glibc
import MultinetJSON
import MultinetTestSupport
import Testing

/// The real `multinet` binary in front of Debian's real plugins, in real network
/// namespaces, checked with `ip` and host-local's reservation files.
@Suite("End to end: the default network", .endToEnd)
struct DefaultNetworkTests {
    @Test("ADD gives the pod eth0 on the bridge network; DEL removes the interface, the reservation and the record")
    func addAndDel() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let ns = try node.namespace()
        let id = RuntimeInvocation.randomContainerID()

        let add = try await node.run("ADD", containerID: id, netns: ns.path).requireSuccess()
        let inside = try ns.addresses(of: "eth0")
        #expect(inside.count == 1)
        #expect(add.ipAddresses == inside)
        #expect(ConfigFixtures.subnet(node.subnet, contains: String(inside[0].split(separator: "/")[0])))
        #expect((add.jsonObject?["cniVersion"] as? String) == "1.0.0")
        #expect(try node.reservations.held(by: id).map(\.ip) == inside.map { String($0.split(separator: "/")[0]) })
        let records = try node.records()
        #expect(records.map(\.state) == [.attached])
        #expect(records.first?.podName == "web")
        #expect(records.first?.network == "podnet")

        // The state directory and database are private to root.
        #expect(try permissions(node.stateDir) == 0o700)
        #expect(try permissions(node.databasePath) == 0o600)

        try await node.run("DEL", containerID: id, netns: ns.path).requireSuccess()
        #expect(try !ns.linkExists("eth0"))
        #expect(try node.reservations.ips().isEmpty)
        #expect(try node.records().isEmpty)
        // DEL twice succeeds too.
        try await node.run("DEL", containerID: id, netns: ns.path).requireSuccess()
    }

    @Test("DEL after the network's config file was deleted replays the recorded config")
    func delAfterConfigRemoved() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let ns = try node.namespace()
        let id = RuntimeInvocation.randomContainerID()
        try await node.run("ADD", containerID: id, netns: ns.path).requireSuccess()
        #expect(try node.reservations.ips().count == 1)
        try node.removeConf("10-podnet.conflist")
        try await node.run("DEL", containerID: id, netns: ns.path).requireSuccess()
        #expect(try !ns.linkExists("eth0"))
        #expect(try node.reservations.ips().isEmpty)
        #expect(try node.records().isEmpty)
    }

    @Test("DEL of a container multinet never saw succeeds, with or without its netns")
    func delUnknown() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        try await node.run("DEL", containerID: RuntimeInvocation.randomContainerID(), netns: "").requireSuccess()
        try await node.run("DEL", containerID: RuntimeInvocation.randomContainerID(), netns: "/var/run/netns/absent-ns").requireSuccess()
        #expect(try node.records().isEmpty)
    }

    @Test("the result is converted to the version the runtime asked for", arguments: ["0.3.1", "0.4.0", "1.0.0", "1.1.0"])
    func resultVersions(version: String) async throws {
        let node = try MultinetNode(multinetCNIVersion: version)
        defer { node.cleanUp() }
        let ns = try node.namespace()
        let id = RuntimeInvocation.randomContainerID()
        let add = try await node.run("ADD", containerID: id, netns: ns.path).requireSuccess()
        let json = try #require(add.jsonObject)
        #expect(json["cniVersion"] as? String == version)
        let ip = try #require((json["ips"] as? [[String: Any]])?.first)
        #expect((ip["version"] as? String) == (version.hasPrefix("0.") ? "4" : nil))
        if version != "0.3.1" {
            try await node.run("CHECK", containerID: id, netns: ns.path).requireSuccess()
        }
        try await node.run("DEL", containerID: id, netns: ns.path).requireSuccess()
        #expect(try node.reservations.ips().isEmpty)
    }

    @Test("macvlan on a veth parent, chosen with defaultNetwork")
    func macvlan() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let parent = HostNetwork.uniqueName(prefix: "mnvp")
        let peer = HostNetwork.uniqueName(prefix: "mnvq")
        try HostNetwork.createVethPair(parent, peer)
        node.track(link: parent)
        let subnet = ConfigFixtures.uniqueSubnet()
        try node.writeConf("20-mv.conf", ConfigFixtures.macvlanConf(name: "mv", master: parent, subnet: subnet, dataDir: node.ipamDir))
        let config = node.config(extra: ["defaultNetwork": .string("mv")])
        let ns = try node.namespace()
        let id = RuntimeInvocation.randomContainerID()
        try await node.run("ADD", containerID: id, netns: ns.path, config: config).requireSuccess()
        let inside = try ns.addresses(of: "eth0")
        #expect(inside.count == 1 && ConfigFixtures.subnet(subnet, contains: String(inside[0].split(separator: "/")[0])))
        #expect(try node.records().first?.network == "mv")
        let mv = HostLocalReservations(dataDir: node.ipamDir, network: "mv")
        #expect(try mv.held(by: id).count == 1)
        try await node.run("DEL", containerID: id, netns: ns.path, config: config).requireSuccess()
        #expect(try !ns.linkExists("eth0"))
        #expect(try mv.ips().isEmpty)
        #expect(try node.records().isEmpty)
    }

    @Test("STATUS is ready with the plugins installed and code 50 when one is missing; GC collects what is not valid")
    func statusAndGC() async throws {
        let node = try MultinetNode(multinetCNIVersion: "1.1.0")
        defer { node.cleanUp() }
        let status = RuntimeInvocation(command: "STATUS", ifname: "", config: node.config())
        try await node.runner.run(status).requireSuccess()

        let keep = try node.namespace(), drop = try node.namespace()
        let keepID = RuntimeInvocation.randomContainerID(), dropID = RuntimeInvocation.randomContainerID()
        try await node.run("ADD", containerID: keepID, netns: keep.path).requireSuccess()
        try await node.run("ADD", containerID: dropID, netns: drop.path).requireSuccess()
        let gcConfig = node.config(extra: ["cni.dev/valid-attachments": .array([
            .object(JSONObject([("containerID", .string(keepID)), ("ifname", .string("eth0"))])),
        ])])
        try await node.runner.run(RuntimeInvocation(command: "GC", ifname: "", config: gcConfig)).requireSuccess()
        #expect(try node.records().map(\.containerID) == [keepID])
        #expect(try node.reservations.all().map(\.containerID) == [keepID])
        #expect(try !drop.linkExists("eth0"))
        #expect(try keep.linkExists("eth0"))

        try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: "podnet", plugins: [
            JSONObject([("type", .string("not-installed"))]),
        ]))
        let notReady = try await node.runner.run(status)
        #expect(notReady.exitCode != 0)
        #expect(notReady.cniError?.code == 50)
        #expect(notReady.cniError?.msg.contains("not-installed") == true)
        try await node.run("DEL", containerID: keepID, netns: keep.path).requireSuccess()
    }

    func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }
}
