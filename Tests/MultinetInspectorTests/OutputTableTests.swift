import MultinetCore
import Testing
@testable import MultinetInspector

@Suite("--once tables")
struct OutputTableTests {
    @Test("columns are aligned with three spaces, empty cells say <none>, no trailing spaces")
    func alignment() {
        let table = TextTable(headers: ["NAME", "X"], rows: [["a", "1"], ["longer", ""]])
        #expect(table.lines == ["NAME     X", "a        1", "longer   <none>"])
    }

    @Test("the pods table has one line per interface with every IP, and pods without records")
    func pods() {
        let lines = SnapshotTables.pods(OutputFixtures.snapshot).lines
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("NAMESPACE   POD"))
        #expect(lines[1].contains("idle") && lines[1].contains("no attachments recorded"))
        #expect(lines[2].contains("eth0") && lines[2].contains("10.9.0.5/24,fd00::5/64") && lines[2].contains("ok attached"))
        #expect(lines[3].contains("default/macnet") && lines[3].contains("net1 (hotplug)") && lines[3].contains("✗ del failed"))
    }

    @Test("the whole output: header with the unreachable apiserver, then NETWORKS, PODS, FAILURES and DRIFT")
    func whole() {
        let text = SnapshotTables.text(OutputFixtures.snapshot)
        #expect(text.hasPrefix("node:       node-a\n"))
        #expect(text.contains("apiserver:  UNREACHABLE https://127.0.0.1:6443: connection refused"))
        #expect(text.contains("\nNETWORKS\nNAME"))
        #expect(text.contains("\nPODS\nNAMESPACE"))
        #expect(text.contains("\nFAILURES\nNAMESPACE"))
        #expect(text.contains("missing from the bin dirs"))
        let failures = text.components(separatedBy: "\nFAILURES\n").last?.components(separatedBy: "\nDRIFT\n").first ?? ""
        let failureLine = failures.split(separator: "\n").last.map(String.init) ?? ""
        #expect(failureLine.contains("c0ffee") && failureLine.contains("del") && failureLine.contains("60s")
                && failureLine.hasSuffix("plugin macvlan failed"))
        #expect(!text.contains("\u{1B}["))
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test("the drift table: one line per disagreement with its kind, age and detail; the kernel line says what was not read")
    func drift() {
        var snapshot = InspectorSnapshot(header: InspectorHeader(node: "n", storePath: "/s", refreshedAt: 90_000))
        snapshot.drift = [
            DriftEntry(containerID: "c1", namespace: "default", pod: "web", network: "default/macnet", interface: "net1",
                       kind: .addressMismatch, detail: "recorded 10.0.0.5/24, the kernel has 10.0.0.9/24 on net1", since: 30_000),
            DriftEntry(containerID: "c2", namespace: "default", pod: "db", network: "podnet", interface: "eth0",
                       kind: .podGone, detail: "pod default/db is not in the cluster\nleak"),
        ]
        snapshot.namespaces = ["/run/netns/a": .gone, "/run/netns/b": .unknown]
        let lines = SnapshotTables.drift(snapshot).lines
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("NAMESPACE   POD") && lines[0].contains("KIND") && lines[0].hasSuffix("DETAIL"))
        #expect(lines[1].contains("net1") && lines[1].contains("address-mismatch") && lines[1].contains("60s")
                && lines[1].hasSuffix("the kernel has 10.0.0.9/24 on net1"))
        #expect(lines[2].contains("pod-gone") && lines[2].contains("<none>") && lines[2].hasSuffix("not in the cluster leak"))
        let text = SnapshotTables.text(snapshot)
        #expect(text.contains("kernel:     1 netns read, 1 unknown (reading a pod's netns needs root"))
    }

    @Test("empty sections say so")
    func empty() {
        let snapshot = InspectorSnapshot(header: InspectorHeader(node: "n", storePath: "/s", refreshedAt: 0))
        let text = SnapshotTables.text(snapshot)
        #expect(text.contains("(no networks found)") && text.contains("(no pods on this node)")
                && text.contains("(no failed attachments)") && text.contains("\nDRIFT\n(no drift: the cluster, the store and the kernel agree)"))
        #expect(text.contains("kernel:     0 netns read\n"))
        #expect(text.contains("apiserver:  not configured"))
    }
}
