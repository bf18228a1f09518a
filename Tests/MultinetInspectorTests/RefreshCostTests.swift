import Foundation
import KubeAPIServerDouble
import MultinetCore
import MultinetTestSupport
import Synchronization
import Testing
@testable import MultinetInspector

/// What keeps a refresh and a frame cheap on a busy node (README "Performance"): counts
/// without building rows, results parsed once, one apiserver connection for every refresh.
@Suite("refresh and frame cost")
struct RefreshCostTests {
    @Test("a view's row count without a filter equals its visible rows, with a filter too",
          arguments: InspectorView.allCases, ["", "db", "failed", "zzz"])
    func rowCount(view: InspectorView, filter: String) {
        var state = InspectorFixture.state(view: view)
        state.filter = filter
        #expect(state.rowCount(view) == state.visibleRows(view).count)
    }

    @Test("a pod row reads each attachment's addresses from its result when it is made")
    func podRowAddresses() {
        let pod = InspectorFixture.web
        #expect(pod.addresses.count == pod.attachments.count)
        #expect(pod.addresses == pod.attachments.map(AttachmentAddresses.init))
        #expect(pod.addresses.contains { !$0.ips.isEmpty })
    }

    @Test("assembly takes each attachment's addresses from the given reader, once per record")
    func assemblyUsesReader() {
        let records = [
            OutputFixtures.record(ifName: "eth0", network: "podnet", position: 0, state: .attached),
            OutputFixtures.record(ifName: "net1", network: "macnet", position: 1, state: .attached),
        ]
        let asked = Mutex<[String]>([])
        let snapshot = SnapshotAssembly.assemble(node: "n", store: StoreReading(path: "/s", records: records),
                                                 cluster: ClusterReading(apiserver: .notConfigured), networks: [],
                                                 readOnly: true, refreshedAt: 0) { record in
            asked.withLock { $0.append(record.ifName) }
            return AttachmentAddresses(record)
        }
        #expect(asked.withLock { $0 } == ["eth0", "net1"])
        #expect(snapshot.pods.first?.addresses.count == 2)
    }

    @Test("the address cache keeps one refresh's entries and a changed record gets a new key")
    func addressCache() {
        let record = OutputFixtures.record(ifName: "eth0", network: "podnet", position: 0, state: .attached,
                                           result: #"{"cniVersion":"1.0.0","ips":[{"address":"10.0.0.2/24"}]}"#)
        let cache = AddressCache()
        #expect(cache.take().isEmpty)
        cache.keep([AddressCache.Key(record): AttachmentAddresses(record)])
        let kept = cache.take()
        #expect(kept[AddressCache.Key(record)]?.ips == ["10.0.0.2/24"])
        #expect(cache.take().isEmpty, "take empties the cache until the next keep")
        var changed = record
        changed.updatedAt += 1
        #expect(AddressCache.Key(changed) != AddressCache.Key(record))
    }

    @Test("refreshes reuse one apiserver connection: one TLS handshake for three refreshes")
    func oneConnection() async throws {
        let server = try await KubeAPIServer.start()
        do {
            try await threeRefreshes(server)
        } catch {
            try? await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    private func threeRefreshes(_ server: KubeAPIServer) async throws {
        let directory = try TemporaryDirectory(prefix: "multinet-refresh")
        defer { directory.remove() }
        let path = try server.writeKubeconfig(to: directory.file("kubeconfig.json"), format: .json)
        _ = try server.seed(KubeObjects.pod(name: "web", nodeName: "node-a"))
        let source = InspectorSources(kubeconfig: path, node: "node-a", stateDir: directory.file("state"),
                                      confDir: directory.file("net.d"), binDirs: ["/usr/lib/cni"], readOnly: true)
            .clusterSource(environment: [:])
        for _ in 0..<3 {
            let reading = await source.read(node: "node-a")
            #expect(reading.apiserver == .reachable(server: server.url), "\(reading.apiserver)")
            #expect(reading.pods?.map(\.metadata.name) == ["web"])
        }
        #expect(server.acceptedConnections == 1)
        await (source as? KubeClusterSource)?.close()
    }
}
