import Testing
@testable import MultinetInspector

@Suite("snapshot assembly")
struct DataSnapshotTests {
    private func builder(cluster: ClusterReading) -> SnapshotBuilder {
        let records = [
            OutputFixtures.record(ifName: "eth0", network: "podnet", position: 0, state: .attached),
            OutputFixtures.record(ifName: "net1", network: "macnet", namespace: "default", kind: "NetworkAttachmentDefinition",
                                  position: 1, state: .delFailed, error: "boom"),
        ]
        return SnapshotBuilder(
            node: "node-a",
            store: FakeStoreSource(reading: StoreReading(path: "/s/multinet.db", records: records)),
            cluster: FixedClusterSource(cluster),
            files: FakeNodeFiles(rows: [NetworkRow(name: "podnet", namespace: nil, kind: .file, plugin: "bridge",
                                                   cniVersion: "1.0.0", usable: true, problem: nil)]),
            readOnly: true, clock: { 42 })
    }

    @Test("records are grouped by container and joined with the node's pods; pods without records are listed")
    func joined() async throws {
        let cluster = ClusterReading(apiserver: .reachable(server: "https://a"), context: "ctx",
                                     pods: [try DataFixtures.pod("web", uid: "uid-web"), try DataFixtures.pod("idle", uid: "uid-idle")],
                                     networkAttachmentDefinitions: [try DataFixtures.nad("macnet")])
        let snapshot = await builder(cluster: cluster).snapshot()
        #expect(snapshot.header == InspectorHeader(node: "node-a", context: "ctx", apiserver: .reachable(server: "https://a"),
                                                   storePath: "/s/multinet.db", refreshedAt: 42, readOnly: true))
        #expect(snapshot.pods.map(\.name) == ["idle", "web"])
        #expect(snapshot.pods[0].attachments.isEmpty && snapshot.pods[0].containerID.isEmpty && snapshot.pods[0].uid == "uid-idle")
        #expect(snapshot.pods[1].containerID == "c0ffee" && snapshot.pods[1].existsInCluster == true)
        #expect(snapshot.pods[1].attachments.map(\.ifName) == ["eth0", "net1"])
        #expect(snapshot.networks.map(\.attachmentCount) == [1, 1])
        #expect(snapshot.failures.map(\.ifName) == ["net1"])
    }

    @Test("an unreachable apiserver leaves the store's pods in the snapshot")
    func unreachable() async {
        let snapshot = await builder(cluster: ClusterReading(apiserver: .unreachable(server: "https://a", error: "refused"))).snapshot()
        #expect(snapshot.header.apiserver == .unreachable(server: "https://a", error: "refused"))
        #expect(snapshot.pods.map(\.name) == ["web"])
        #expect(snapshot.pods[0].existsInCluster == nil)
        #expect(snapshot.failures.count == 1)
    }

    @Test("a pod the apiserver no longer lists on this node is marked gone")
    func gone() async throws {
        let cluster = ClusterReading(apiserver: .reachable(server: "https://a"), pods: [])
        let snapshot = await builder(cluster: cluster).snapshot()
        #expect(snapshot.pods.map(\.existsInCluster) == [false])
    }

    @Test("the node is --node, else NODE_NAME, else the lowercased host name")
    func nodeName() {
        #expect(NodeName.choose(option: "opt", environment: ["NODE_NAME": "env"], hostname: { "Host" }) == "opt")
        #expect(NodeName.choose(option: nil, environment: ["NODE_NAME": "env"], hostname: { "Host" }) == "env")
        #expect(NodeName.choose(option: "", environment: ["NODE_NAME": ""], hostname: { "Host-A" }) == "host-a")
        #expect(!NodeName.hostname().isEmpty)
    }
}
