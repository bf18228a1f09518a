import Foundation
import KubeAPIServerDouble
import MultinetTestSupport
import Testing

/// The NPWG dialect (`k8s.v1.cni.cncf.io/networks`) with the real binary, Debian's plugins,
/// real network namespaces and the apiserver double: three networks on one pod.
@Suite("End to end: NetworkAttachmentDefinitions", .endToEnd)
struct NPWGMultiNetworkTests {
    @Test("three networks: podnet on eth0, NAD spec.config macvlan on net1, NAD on-disk conflist on @eth5; network-status; DEL removes all")
    func threeNetworks() async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: NPWGNetworks.selection]) { cluster in
            let networks = try NPWGNetworks(cluster)
            let node = cluster.node
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path)
            try #require(add.succeeded, "\(add.summary)")

            // Interfaces and addresses inside the pod.
            #expect(try ns.linksBesidesLoopback() == ["eth0", "eth5", "net1"], "\(add.summary)")
            let eth0 = try ns.addresses(of: "eth0"), net1 = try ns.addresses(of: "net1"), eth5 = try ns.addresses(of: "eth5")
            #expect(eth0.count == 1 && eth0.allSatisfy { ConfigFixtures.subnet(node.subnet, contains: $0) }, "eth0 \(eth0)")
            #expect(net1.count == 1 && net1.allSatisfy { ConfigFixtures.subnet(networks.macSubnet, contains: $0) }, "net1 \(net1)")
            #expect(eth5.count == 1 && eth5.allSatisfy { ConfigFixtures.subnet(networks.otherSubnet, contains: $0) }, "eth5 \(eth5)")

            // The runtime sees the default network's result only, in its own version.
            #expect(add.ipAddresses == eth0, "\(add.summary)")
            #expect(add.jsonObject?["cniVersion"] as? String == "1.0.0", "\(add.summary)")
            #expect(!add.interfaceNames.contains("net1") && !add.interfaceNames.contains("eth5"), "\(add.summary)")

            // network-status, read back from the apiserver.
            let status = try #require(try cluster.networkStatus(), "no network-status annotation; \(add.summary)")
            #expect(status.map(\.name) == ["podnet", "default/macnet", "default/othernet"], "\(status)")
            #expect(status.map(\.interface) == ["eth0", "net1", "eth5"], "\(status)")
            #expect(status.map { $0.isDefault ?? false } == [true, false, false], "exactly the first is default (a missing `default` counts as false): \(status)")
            #expect(status.allSatisfy { $0.hasDNSObject }, "\(status)")
            for entry in status {
                let ifname = try #require(entry.interface)
                #expect(try Set(ns.addresses(of: ifname)) == Set(entry.ips), "\(entry)")
                #expect(try ns.mac(of: ifname) == entry.mac, "\(entry)")
            }

            // Published with a merge patch that keeps the pod's other annotations.
            let patches = cluster.server.requests.requests(method: "PATCH", pathPrefix: "/api/v1/namespaces/default/pods/web")
            #expect(patches.contains { $0.status == 200 && $0.contentType?.hasPrefix("application/merge-patch+json") == true },
                    "\(patches)")
            #expect(cluster.podAnnotation(Dialect.npwg) == NPWGNetworks.selection)

            // One store record per attachment, in attach order.
            let records = try cluster.records(of: id)
            #expect(records.map(\.ifName) == ["eth0", "net1", "eth5"])
            #expect(records.map(\.network) == ["podnet", "macnet", "othernet"])
            #expect(records.map(\.networkNamespace) == ["", "default", "default"])
            #expect(records.map(\.networkKind) == ["file", "NetworkAttachmentDefinition", "NetworkAttachmentDefinition"])
            #expect(records.map(\.isDefault) == [true, false, false])
            #expect(records.allSatisfy { $0.state == .attached && $0.podName == "web" && $0.podUID == cluster.podUID })
            #expect(recordedConfigValue(records.first { $0.network == "macnet" }, "name")?.stringValue == "macnet",
                    "multinet injects the NAD's name into a spec.config without one")

            // host-local reservations, one per attachment, in each network's own data dir.
            #expect(try node.reservations.held(by: id, ifname: "eth0").count == 1)
            #expect(try HostLocalReservations(dataDir: networks.macDataDir, network: "macnet").held(by: id, ifname: "net1").count == 1)
            #expect(try HostLocalReservations(dataDir: networks.otherDataDir, network: "othernet").held(by: id, ifname: "eth5").count == 1)

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try cluster.reservations(in: networks.dataDirs).isEmpty)
            #expect(try node.records().isEmpty)
        }
    }

    @Test("DEL after the pod, the NADs and the config files are gone and the apiserver is down leaves nothing")
    func delAfterEverythingIsGone() async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: NPWGNetworks.selection]) { cluster in
            let networks = try NPWGNetworks(cluster)
            let node = cluster.node
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let add = try await cluster.run("ADD", containerID: id, netns: ns.path)
            try #require(add.succeeded, "\(add.summary)")
            #expect(try ns.linksBesidesLoopback() == ["eth0", "eth5", "net1"])
            #expect(try cluster.reservations(in: networks.dataDirs).count == 3)

            try cluster.server.store.delete(.pods, namespace: "default", name: "web")
            try cluster.server.store.delete(.networkAttachmentDefinitions, namespace: "default", name: "macnet")
            try cluster.server.store.delete(.networkAttachmentDefinitions, namespace: "default", name: "othernet")
            try node.removeConf("10-podnet.conflist")
            try node.removeConf("20-othernet.conflist")
            try await cluster.server.shutdown()

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty, "\(del.summary)")
            #expect(try cluster.reservations(in: networks.dataDirs).isEmpty)
            #expect(try node.records().isEmpty)
        }
    }
}
