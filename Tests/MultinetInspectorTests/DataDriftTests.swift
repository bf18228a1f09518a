import MultinetCNI
import MultinetCheckpoint
import MultinetCore
import MultinetJSON
import MultinetKubeAPI
import MultinetNetlink
import Synchronization
import Testing
@testable import MultinetInspector

/// A store source that answers each read with the next reading (the last one repeats).
final class SequencedStoreSource: StoreSource {
    private let readings: Mutex<[StoreReading]>
    init(_ readings: [StoreReading]) { self.readings = Mutex(readings) }
    func read() async -> StoreReading {
        readings.withLock { list in list.count > 1 ? list.removeFirst() : list[0] }
    }
}

/// A kernel with a fixed view, remembering which paths it was asked about.
final class FakeKernelSource: KernelSource {
    let views: [String: NamespaceObservation]
    let asked = Mutex<[Set<String>]>([])
    init(_ views: [String: NamespaceObservation]) { self.views = views }
    func observe(_ paths: Set<String>) async -> [String: NamespaceObservation] {
        asked.withLock { $0.append(paths) }
        return Dictionary(uniqueKeysWithValues: paths.map { ($0, views[$0] ?? .unknown) })
    }
}

@Suite("snapshot drift and events")
struct DataDriftTests {
    static let result = #"{"cniVersion":"1.0.0","interfaces":[{"name":"net1","mac":"0a:00:00:00:00:01","sandbox":"/var/run/netns/x"}],"ips":[{"interface":0,"address":"10.9.0.5/24"}]}"#
    static let record = OutputFixtures.record(ifName: "net1", network: "macnet", namespace: "default",
                                              kind: "NetworkAttachmentDefinition", position: 1, state: .attached, result: result)

    static func pod(_ name: String, uid: String, status: String? = nil) throws -> PodMetadata {
        var annotations = JSONObject()
        if let status { annotations["k8s.v1.cni.cncf.io/network-status"] = .string(status) }
        let object = JSONObject([("metadata", .object(JSONObject([
            ("name", .string(name)), ("namespace", .string("default")), ("uid", .string(uid)),
            ("annotations", .object(annotations)),
        ])))])
        return try PodMetadata(json: object)
    }

    static func event(pod: String, reason: String, component: String, at time: String) throws -> KubeEvent {
        let text = #"{"metadata":{"name":"\#(pod).\#(reason)","namespace":"default"},"involvedObject":{"kind":"Pod","namespace":"default","name":"\#(pod)"},"reason":"\#(reason)","type":"Warning","message":"m","source":{"component":"\#(component)"},"lastTimestamp":"\#(time)"}"#
        return try KubeEvent(json: try #require(try JSONValue(parsing: text).objectValue))
    }

    func builder(store: any StoreSource, cluster: ClusterReading, kernel: any KernelSource,
                 clock: @escaping @Sendable () -> Int64 = { 5_000 }) -> SnapshotBuilder {
        SnapshotBuilder(node: "node-a", store: store, cluster: FixedClusterSource(cluster), files: FakeNodeFiles(rows: []),
                        kernel: kernel, clock: clock)
    }

    static let healthyKernel: [String: NamespaceObservation] = ["/var/run/netns/x": .present(
        links: [KernelLink(index: 1, name: "lo"), KernelLink(index: 2, name: "net1", mac: "0a:00:00:00:00:01")],
        addresses: [KernelAddress(interfaceIndex: 2, prefix: IPAddressPrefix("10.9.0.5/24")!)])]

    @Test("the store, the pods' network-status, the kernel and the NADs agree: no drift; the kernel is asked about the recorded netns")
    func agreeing() async throws {
        let status = #"[{"name":"default/macnet","interface":"net1","ips":["10.9.0.5/24"]}]"#
        let cluster = ClusterReading(apiserver: .reachable(server: "https://a"), pods: [try Self.pod("web", uid: "uid-web", status: status)],
                                     networkAttachmentDefinitions: [try DataFixtures.nad("macnet")])
        let kernel = FakeKernelSource(Self.healthyKernel)
        let snapshot = await builder(store: FakeStoreSource(reading: StoreReading(path: "/s", records: [Self.record])),
                                     cluster: cluster, kernel: kernel).snapshot()
        #expect(snapshot.drift == [])
        #expect(kernel.asked.withLock { $0 } == [["/var/run/netns/x"]])
        #expect(snapshot.pods.first?.status?.first?.ips == ["10.9.0.5"])
        #expect(snapshot.kernelCoverage == (1, 0))
    }

    @Test("a deleted pod and a removed netns are drift with since kept across refreshes; a NAD is gone only when the apiserver answered")
    func leak() async throws {
        let clock = Mutex<Int64>(1_000)
        let cluster = ClusterReading(apiserver: .reachable(server: "https://a"), pods: [])
        let snapshots = builder(store: FakeStoreSource(reading: StoreReading(path: "/s", records: [Self.record])),
                                cluster: cluster, kernel: FakeKernelSource(["/var/run/netns/x": .gone]),
                                clock: { clock.withLock { $0 } })
        let first = await snapshots.snapshot()
        #expect(first.drift.map(\.kind) == [.podGone, .netnsGone, .networkGone])
        #expect(first.drift.allSatisfy { $0.since == 1_000 })
        clock.withLock { $0 = 9_000 }
        #expect(await snapshots.snapshot().drift.map(\.since) == [1_000, 1_000, 1_000])
        let unreachable = await builder(store: FakeStoreSource(reading: StoreReading(path: "/s", records: [Self.record])),
                                        cluster: ClusterReading(apiserver: .unreachable(server: "https://a", error: "refused")),
                                        kernel: FakeKernelSource(["/var/run/netns/x": .gone])).snapshot()
        #expect(unreachable.drift.map(\.kind) == [.netnsGone])
    }

    @Test("drift of a container whose records changed while the kernel was read is left for the next refresh")
    func unconfirmed() async throws {
        var deleting = Self.record
        deleting.state = .deleting
        let store = SequencedStoreSource([StoreReading(path: "/s", records: [Self.record]),
                                          StoreReading(path: "/s", records: [deleting])])
        var kernel = Self.healthyKernel
        kernel["/var/run/netns/x"] = .present(links: [KernelLink(index: 1, name: "lo")], addresses: [])
        let snapshot = await builder(store: store, cluster: .notConfigured, kernel: FakeKernelSource(kernel)).snapshot()
        #expect(snapshot.drift == [])
        let settled = await builder(store: FakeStoreSource(reading: StoreReading(path: "/s", records: [Self.record])),
                                    cluster: .notConfigured, kernel: FakeKernelSource(kernel)).snapshot()
        #expect(settled.drift.map(\.kind) == [.interfaceMissing])
    }

    @Test("events: only those of the snapshot's pods, multinet's reasons first, then newest first")
    func events() async throws {
        let cluster = ClusterReading(apiserver: .reachable(server: "https://a"), pods: [try Self.pod("web", uid: "uid-web")],
                                     events: [
                                         try Self.event(pod: "web", reason: "Pulled", component: "kubelet", at: "2026-01-01T00:00:09Z"),
                                         try Self.event(pod: "web", reason: "MultinetAttachFailed", component: "multinet", at: "2026-01-01T00:00:01Z"),
                                         try Self.event(pod: "other", reason: "Pulled", component: "kubelet", at: "2026-01-01T00:00:10Z"),
                                         try Self.event(pod: "web", reason: "Started", component: "kubelet", at: "2026-01-01T00:00:05Z"),
                                     ])
        let snapshot = await builder(store: FakeStoreSource(reading: StoreReading(path: "/s")), cluster: cluster,
                                     kernel: NoKernelSource()).snapshot()
        #expect(snapshot.events?.map(\.reason) == ["MultinetAttachFailed", "Pulled", "Started"])
        #expect(snapshot.events?.first?.isMultinet == true)
        let none = await builder(store: FakeStoreSource(reading: StoreReading(path: "/s")), cluster: .notConfigured,
                                 kernel: NoKernelSource()).snapshot()
        #expect(none.events == nil)
    }
}
