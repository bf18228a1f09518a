import MultinetCore
import Foundation
import MultinetTestSupport
import Synchronization
import Testing
@testable import KubeAPIServerDouble
@testable import MultinetInspector

/// What keeps a refresh and a frame cheap on a busy node (README "Performance"): counts
/// without building rows, results parsed once, pods watched rather than listed, the store
/// read only when it changed.
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

    @Test("refreshes list the node's pods once (metadata only), then follow a watch, over two kept connections")
    func watchedPods() async throws {
        try await withSource { server, source in
            _ = try server.seed(KubeObjects.pod(name: "web", nodeName: "node-a"))
            for _ in 0..<3 {
                let reading = await source.read(node: "node-a")
                #expect(reading.apiserver == .reachable(server: server.url), "\(reading.apiserver)")
                #expect(reading.pods?.map(\.metadata.name) == ["web"])
            }
            _ = try server.seed(KubeObjects.pod(name: "db", nodeName: "node-a"))
            _ = try server.seed(KubeObjects.pod(name: "elsewhere", nodeName: "node-b"))
            #expect(await Self.eventually(source, shows: ["db", "web"]))
            try server.store.delete(.pods, namespace: "default", name: "web")
            #expect(await Self.eventually(source, shows: ["db"]))
            // The server ends the watch (its timeout): the next resumes from the last version.
            server.store.endAllWatches()
            _ = try server.seed(KubeObjects.pod(name: "api", nodeName: "node-a"))
            #expect(await Self.eventually(source, shows: ["api", "db"]))

            let podRequests = server.requests.all.filter { $0.path == "/api/v1/pods" }
            let lists = podRequests.filter { $0.queryValue("watch") == nil }
            #expect(lists.count == 1)
            #expect(lists.first?.accept?.hasPrefix("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1") == true)
            #expect(podRequests.filter { $0.queryValue("watch") == "true" }.count == 2)
            #expect(server.acceptedConnections == 2, "one connection for the watch, one for the lists")
            #expect(source.isWatchingPods)
            // Events are listed cluster-wide, so at most once per 10 s, whatever the refreshes.
            let eventLists = server.requests.all.filter { $0.path == "/api/v1/events" }
            #expect(eventLists.count == 1 && eventLists.first?.queryValue("fieldSelector") == "involvedObject.kind=Pod", "\(eventLists)")
        }
    }

    @Test("a list of Events is reused for its interval, then listed again")
    func keptEvents() {
        let kept = KeptEvents(interval: 10)
        #expect(kept.fresh(now: 0) == nil)
        kept.keep([], now: 1_000_000_000)
        #expect(kept.fresh(now: 10_000_000_000) == [])
        #expect(kept.fresh(now: 11_000_000_001) == nil)
    }

    @Test("a failed watch is dropped: the next refresh lists again, and fails like a list when the apiserver refuses")
    func failedWatch() async throws {
        try await withSource { server, source in
            _ = try server.seed(KubeObjects.pod(name: "web", nodeName: "node-a"))
            #expect(await source.read(node: "node-a").pods?.map(\.metadata.name) == ["web"])
            // The watch starts after the list returns: end it only once the server has it.
            var opened = false
            for _ in 0..<250 where !opened {
                opened = server.store.openWatchCount == 1
                if !opened { try await Task.sleep(for: .milliseconds(20)) }
            }
            try #require(opened, "the pod watch never reached the server")
            server.faults.failAll(status: 403, matching: .path("/api/v1/pods"))
            server.store.endAllWatches()
            var watching = true
            for _ in 0..<250 where watching {
                try await Task.sleep(for: .milliseconds(20))
                watching = source.isWatchingPods
            }
            #expect(!watching, "a watch refused with 403 drops the cache")
            let refused = await source.read(node: "node-a")
            #expect(refused.pods == nil)
            guard case .unreachable(_, let error) = refused.apiserver else {
                Issue.record("expected unreachable, got \(refused.apiserver)")
                return
            }
            #expect(error.contains("403"), "\(error)")
            server.faults.reset()
            _ = try server.seed(KubeObjects.pod(name: "db", nodeName: "node-a"))
            #expect(await source.read(node: "node-a").pods?.map(\.metadata.name) == ["db", "web"])
            #expect(source.isWatchingPods)
        }
    }

    @Test("a single-snapshot source (--once) lists the pods and opens no watch")
    func onceWatchesNothing() async throws {
        try await withSource(watch: false) { server, source in
            _ = try server.seed(KubeObjects.pod(name: "web", nodeName: "node-a"))
            #expect(await source.read(node: "node-a").pods?.map(\.metadata.name) == ["web"])
            #expect(await source.read(node: "node-a").pods?.map(\.metadata.name) == ["web"])
            #expect(!source.isWatchingPods)
            let podRequests = server.requests.all.filter { $0.path == "/api/v1/pods" }
            #expect(podRequests.map { $0.queryValue("watch") } == [nil, nil], "two lists, no watch")
            #expect(server.store.openWatchCount == 0)
        }
    }

    /// Whether refreshes show exactly `names` within five seconds.
    private static func eventually(_ source: KubeClusterSource, shows names: [String]) async -> Bool {
        for _ in 0..<250 {
            if await source.read(node: "node-a").pods?.map(\.metadata.name) == names { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    private func withSource(watch: Bool = true,
                            _ body: (KubeAPIServer, KubeClusterSource) async throws -> Void) async throws {
        let directory = try TemporaryDirectory(prefix: "multinet-refresh")
        defer { directory.remove() }
        try await KubeAPIServer.with { server in
            let path = try server.writeKubeconfig(to: directory.file("kubeconfig.json"), format: .json)
            let source = try #require(InspectorSources(kubeconfig: path, node: "node-a", stateDir: directory.file("state"),
                                                       confDir: directory.file("net.d"), binDirs: ["/usr/lib/cni"], readOnly: true)
                .clusterSource(environment: [:], watch: watch) as? KubeClusterSource)
            do {
                try await body(server, source)
            } catch {
                await source.close()
                throw error
            }
            await source.close()
            #expect(!source.isWatchingPods)
        }
    }
}
