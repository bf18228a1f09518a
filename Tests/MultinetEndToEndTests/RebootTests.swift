import Foundation
import MultinetTestSupport
import Testing

/// After a reboot every network namespace (and so every pod-side interface) is gone, the
/// apiserver may not be back yet, and the runtime DELs the old sandboxes with an empty
/// `CNI_NETNS` or the stale path. The record must still release every address.
@Suite("End to end: DEL after a reboot", .endToEnd)
struct RebootTests {
    enum NetnsAfterReboot: String, CaseIterable, Sendable {
        /// The runtime passes no netns (containerd after a restart).
        case empty
        /// The runtime passes the old path, which no longer exists.
        case stalePath
    }

    @Test("a three-network pod whose netns is gone, with the apiserver down: DEL releases every address and the records",
          arguments: NetnsAfterReboot.allCases)
    func delAfterReboot(_ netns: NetnsAfterReboot) async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: NPWGNetworks.selection]) { cluster in
            let networks = try NPWGNetworks(cluster)
            let node = cluster.node
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let add = try await cluster.run("ADD", containerID: id, netns: ns.path)
            try #require(add.succeeded, "\(add.summary)")
            #expect(try cluster.reservations(in: networks.dataDirs).count == 3)

            // The reboot: namespaces and their interfaces vanish, the apiserver is not back.
            let stale = ns.path
            ns.delete()
            try #require(!FileManager.default.fileExists(atPath: stale))
            try await cluster.server.shutdown()

            let del = try await cluster.run("DEL", containerID: id, netns: netns == .empty ? "" : stale)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try cluster.reservations(in: networks.dataDirs).isEmpty, "\(del.summary)")
            #expect(try node.records().isEmpty)
            #expect(try node.integrityCheck() == "ok")
        }
    }
}
