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
        #expect(lines[3].contains("default/macnet") && lines[3].contains("net1") && lines[3].contains("✗ del failed"))
    }

    @Test("the whole output: header with the unreachable apiserver, then NETWORKS, PODS and FAILURES")
    func whole() {
        let text = SnapshotTables.text(OutputFixtures.snapshot)
        #expect(text.hasPrefix("node:       node-a\n"))
        #expect(text.contains("apiserver:  UNREACHABLE https://127.0.0.1:6443: connection refused"))
        #expect(text.contains("\nNETWORKS\nNAME"))
        #expect(text.contains("\nPODS\nNAMESPACE"))
        #expect(text.contains("\nFAILURES\nNAMESPACE"))
        #expect(text.contains("missing from the bin dirs"))
        let failureLine = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(failureLine.contains("c0ffee") && failureLine.contains("del") && failureLine.contains("60s")
                && failureLine.hasSuffix("plugin macvlan failed"))
        #expect(!text.contains("\u{1B}["))
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test("empty sections say so")
    func empty() {
        let snapshot = InspectorSnapshot(header: InspectorHeader(node: "n", storePath: "/s", refreshedAt: 0))
        let text = SnapshotTables.text(snapshot)
        #expect(text.contains("(no networks found)") && text.contains("(no pods on this node)")
                && text.contains("(no failed attachments)"))
        #expect(text.contains("apiserver:  not configured"))
    }
}
