import MultinetCNI
import MultinetCheckpoint
@testable import MultinetCore
import MultinetJSON
import MultinetKubeAPI
import MultinetModel
import MultinetPlanning
import Testing

/// Reading a pod's `network-status` as reconciliation compares it.
@Suite("Reconciliation: a pod's network-status as the cluster has it")
struct ObservedPodTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var annotation: String?
        var expected: [ObservedPod.StatusEntry]?
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "no annotation: nothing to compare", annotation: nil, expected: nil),
        Row(name: "multinet's form, addresses with a prefix length",
            annotation: #"[{"name":"podnet","interface":"eth0","ips":["10.1.0.5/16","fd00:0:0::5/64"],"default":true}]"#,
            expected: [.init(name: "podnet", interface: "eth0", ips: ["10.1.0.5", "fd00::5"], isDefault: true)]),
        Row(name: "Multus's form, bare addresses",
            annotation: #"[{"name":"default/macnet","interface":"net1","ips":["192.168.7.9"],"mac":"0A:58:C0:A8:07:09"}]"#,
            expected: [.init(name: "default/macnet", interface: "net1", ips: ["192.168.7.9"], mac: "0a:58:c0:a8:07:09")]),
        Row(name: "an entry without an interface is skipped",
            annotation: #"[{"name":"sriov","ips":[]},{"name":"podnet","interface":"eth0"}]"#,
            expected: [.init(name: "podnet", interface: "eth0", ips: [])]),
        Row(name: "not JSON: no entries, so every interface is missing from it", annotation: "{oops", expected: []),
        Row(name: "a JSON object instead of a list: no entries", annotation: #"{"name":"podnet"}"#, expected: []),
    ]

    @Test("annotation values", arguments: rows)
    func parse(_ row: Row) {
        var metadata = ObjectMeta(name: "web", namespace: "default", uid: "u-1")
        if let annotation = row.annotation { metadata.annotations[NetworkStatus.annotation] = annotation }
        let pod = ObservedPod(metadata: metadata)
        #expect(pod.uid == "u-1")
        #expect(pod.networkStatus == row.expected)
    }

    @Test("the network-status multinet itself writes agrees with the record it was written from")
    func ownStatusAgrees() throws {
        let healthy = ReconcilerTests.healthy
        var metadata = ObjectMeta(name: "web", namespace: "default", uid: ReconcilerTests.uid)
        // What the ADD path writes: NetworkStatus.Entry from the plan and the result.
        metadata.annotations[NetworkStatus.annotation] = NetworkStatus.value(try healthy.records.map { record in
            let result = try CNIResult(parsing: try #require(record.result))
            let list = try NetworkConfigList(parsing: Array(#"{"cniVersion":"1.0.0","name":"n","type":"bridge"}"#.utf8),
                                             source: "test")
            let planned = PlannedAttachment(network: record.network, networkNamespace: record.networkNamespace,
                                            kind: record.networkKind, ifName: record.ifName, isDefault: record.isDefault,
                                            list: list, runtimeConfig: JSONObject())
            return NetworkStatus.Entry(planned: planned, result: result)
        })
        let input = ReconcileInput(records: healthy.records, podMetadata: [metadata], namespaces: healthy.namespaces,
                                   definedNetworks: healthy.definedNetworks)
        #expect(Reconciler.drift(input) == [])
        let gone = ReconcileInput(records: healthy.records, podMetadata: [], namespaces: healthy.namespaces,
                                  definedNetworks: healthy.definedNetworks)
        #expect(Reconciler.drift(gone).map(\.kind) == [.podGone, .podGone])
    }
}
