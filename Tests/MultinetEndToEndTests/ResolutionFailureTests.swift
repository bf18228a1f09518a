import Foundation
import KubeAPIServerDouble
import MultinetTestSupport
import Testing

/// Selections multinet cannot resolve fail the ADD with CNI error 7 before anything is
/// attached; `globalNamespaces` opens shared namespaces under `namespaceIsolation`.
@Suite("End to end: network resolution", .endToEnd)
struct ResolutionFailureTests {
    /// One unresolvable selection.
    struct Failure: Sendable, CustomTestStringConvertible {
        var name: String
        var annotations: [String: String]
        var seeds: [KubeJSON] = []
        var namespaceIsolation = false
        /// What the CNI error's `msg` must contain.
        var fragments: [String]
        var testDescription: String { name }
    }

    static let failures = [
        Failure(name: "NAD not found", annotations: [Dialect.npwg: "absent"],
                fragments: ["default/web", "default/absent"]),
        Failure(name: "NAD without spec.config and no file in confDir", annotations: [Dialect.npwg: "nofile"],
                seeds: [KubeObjects.networkAttachmentDefinition(name: "nofile")],
                fragments: ["default/web", "default/nofile"]),
        Failure(name: "alpha Network not found", annotations: [Dialect.alpha: "ghost"],
                fragments: ["default/web", "default/ghost"]),
        Failure(name: "namespaceIsolation: a NAD of another namespace", annotations: [Dialect.npwg: "other-ns/foo"],
                seeds: [KubeObjects.namespace("other-ns"),
                        KubeObjects.networkAttachmentDefinition(name: "foo", namespace: "other-ns",
                                                                config: #"{"cniVersion":"1.0.0","type":"loopback"}"#)],
                namespaceIsolation: true,
                fragments: ["default/web", "other-ns/foo", "namespaceIsolation"]),
        Failure(name: "both dialects on one pod", annotations: [Dialect.alpha: "dbnet", Dialect.npwg: "macnet"],
                seeds: [KubeObjects.network(name: "dbnet"),
                        KubeObjects.networkAttachmentDefinition(name: "macnet", config: #"{"cniVersion":"1.0.0","type":"loopback"}"#)],
                fragments: ["default/web", Dialect.alpha, Dialect.npwg]),
    ]

    @Test("an unresolvable selection fails the ADD with code 7 naming pod and network; nothing attached", arguments: failures)
    func unresolvable(_ failure: Failure) async throws {
        try await MultinetCluster.with(annotations: failure.annotations) { cluster in
            for object in failure.seeds { try cluster.server.seed(object) }
            let config = cluster.config(extra: [
                "namespaceIsolation": .bool(failure.namespaceIsolation),
                "globalNamespaces": .array([.string("shared")]),
            ])
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            #expect(add.exitCode == 1, "\(add.summary)")
            let error = try #require(add.cniError, "\(add.summary)")
            #expect(error.code == 7, "\(add.summary)")
            for fragment in failure.fragments {
                #expect(error.msg.contains(fragment), "msg lacks \"\(fragment)\": \(add.summary)")
            }
            #expect(!error.msg.contains("default network only"), "resolution must be implemented: \(add.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty, "\(add.summary)")
            #expect(try cluster.node.reservations.ips().isEmpty, "\(add.summary)")
            let del = try await cluster.run("DEL", containerID: id, netns: ns.path, config: config)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try cluster.node.records().isEmpty)
        }
    }

    @Test("namespaceIsolation with globalNamespaces: shared/foo and the pod's own namespace are allowed")
    func globalNamespaceAllowed() async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: "shared/foo, own"]) { cluster in
            let node = cluster.node
            let fooBridge = HostNetwork.uniqueName(prefix: "mnsf"), ownBridge = HostNetwork.uniqueName(prefix: "mnso")
            node.track(link: fooBridge)
            node.track(link: ownBridge)
            let fooSubnet = ConfigFixtures.uniqueSubnet(), ownSubnet = ConfigFixtures.uniqueSubnet()
            let dataDir = try node.directory.directory("ipam-shared")
            try cluster.server.seed(
                KubeObjects.namespace("shared"),
                KubeObjects.networkAttachmentDefinition(name: "foo", namespace: "shared", config: ConfigFixtures.bridgeConflist(
                    name: "foo", bridge: fooBridge, subnet: fooSubnet, dataDir: dataDir)),
                KubeObjects.networkAttachmentDefinition(name: "own", config: ConfigFixtures.bridgeConf(
                    name: "own", bridge: ownBridge, subnet: ownSubnet, dataDir: dataDir)))
            let config = cluster.config(extra: [
                "namespaceIsolation": .bool(true),
                "globalNamespaces": .array([.string("shared")]),
            ])
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            try #require(add.succeeded, "\(add.summary)")
            #expect(try ns.linksBesidesLoopback() == ["eth0", "net1", "net2"])
            #expect(try ns.addresses(of: "net1").allSatisfy { ConfigFixtures.subnet(fooSubnet, contains: $0) })
            #expect(try ns.addresses(of: "net2").allSatisfy { ConfigFixtures.subnet(ownSubnet, contains: $0) })
            let status = try #require(try cluster.networkStatus(), "\(add.summary)")
            #expect(status.map(\.name) == ["podnet", "shared/foo", "default/own"], "\(status)")
            let del = try await cluster.run("DEL", containerID: id, netns: ns.path, config: config)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try cluster.reservations(in: [node.ipamDir, dataDir]).isEmpty)
            #expect(try node.records().isEmpty)
        }
    }
}
