import MultinetCheckpoint
import MultinetCore
import MultinetJSON
import Testing
@testable import MultinetAgent

@Suite("The agent's step: observations in, actions out")
struct AgentStepTests {
    static func record(_ container: String, _ ifName: String) -> AttachmentRecord {
        AttachmentRecord(
            containerID: container, runtimeIfName: "eth0", ifName: ifName, position: 0, isDefault: true,
            netns: "/var/run/netns/\(container)", podNamespace: "default", podName: "pod-\(container)", podUID: "u",
            network: "n", networkNamespace: "", networkKind: "file", config: [], cniPath: "/opt/cni/bin", cniArgs: "",
            state: .attached)
    }

    static func leak(_ container: String) -> [DriftEntry] {
        [DriftKind.podGone, .netnsGone].map { kind in
            DriftEntry(containerID: container, namespace: "default", pod: "pod-\(container)", network: "n",
                       interface: "eth0", kind: kind, detail: "")
        }
    }

    static let settings = AgentSettings(node: "n1", reclaim: true, reclaimAfterSeconds: 60, publishNodeLabels: true)

    @Test("a leak is reclaimed once it has been seen for the grace, not before; an unreadable cluster resets nothing")
    func reclaimAfterGrace() {
        var state = AgentState()
        let records = [Self.record("a", "eth0")]
        let first = AgentStep.plan(&state, AgentObservation(now: 1_000, records: records, drift: Self.leak("a")),
                                   settings: Self.settings)
        #expect(first.reclaims.isEmpty)
        #expect(first.drift?.allSatisfy { $0.since == 1_000 } == true)
        // The apiserver did not answer: no drift known, nothing reclaimed, nothing forgotten.
        let blind = AgentStep.plan(&state, AgentObservation(now: 40_000, records: records, drift: nil), settings: Self.settings)
        #expect(blind.reclaims.isEmpty)
        #expect(blind.drift == nil)
        let early = AgentStep.plan(&state, AgentObservation(now: 60_999, records: records, drift: Self.leak("a")),
                                   settings: Self.settings)
        #expect(early.reclaims.isEmpty)
        let due = AgentStep.plan(&state, AgentObservation(now: 61_000, records: records, drift: Self.leak("a")),
                                 settings: Self.settings)
        #expect(due.reclaims.map(\.containerID) == ["a"])
    }

    @Test("without --reclaim nothing is reclaimed, however old the leak")
    func reclaimOff() {
        var state = AgentState()
        var settings = Self.settings
        settings.reclaim = false
        let records = [Self.record("a", "eth0")]
        _ = AgentStep.plan(&state, AgentObservation(now: 0, records: records, drift: Self.leak("a")), settings: settings)
        let later = AgentStep.plan(&state, AgentObservation(now: 10_000_000, records: records, drift: Self.leak("a")),
                                   settings: settings)
        #expect(later.reclaims.isEmpty)
        #expect(later.drift?.count == 2)
    }

    @Test("a leak seen, then not, starts its grace again")
    func brokenRun() {
        var state = AgentState()
        let records = [Self.record("a", "eth0")]
        _ = AgentStep.plan(&state, AgentObservation(now: 0, records: records, drift: Self.leak("a")), settings: Self.settings)
        _ = AgentStep.plan(&state, AgentObservation(now: 30_000, records: records, drift: []), settings: Self.settings)
        let again = AgentStep.plan(&state, AgentObservation(now: 70_000, records: records, drift: Self.leak("a")),
                                   settings: Self.settings)
        #expect(again.reclaims.isEmpty)
        #expect(again.drift?.first?.since == 70_000)
    }

    @Test("operation samples are counted once: the plan names the last one, and the next cycle starts after it")
    func countedThrough() {
        var state = AgentState()
        let samples = (1...3).map { OperationSample(id: Int64($0), command: "add", outcome: .success, durationMicroseconds: 10, finishedAt: 0) }
        let plan = AgentStep.plan(&state, AgentObservation(now: 0, records: [], operations: samples), settings: Self.settings)
        #expect(plan.countedThrough == 3)
        #expect(state.lastOperationID == 3)
        let idle = AgentStep.plan(&state, AgentObservation(now: 1, records: []), settings: Self.settings)
        #expect(idle.countedThrough == nil)
        #expect(state.lastOperationID == 3)
    }

    /// Each row: settings' flag, usable networks, node labels, and whether a patch comes out.
    static let labelRows: [(String, Bool, [(namespace: String, name: String)]?, [String: String]?, Bool)] = [
        ("a newly usable network", true, [("default", "a")], [:], true),
        ("nothing changed", true, [("default", "a")], ["net.multinet.dev/default.a": "true"], false),
        ("labels off", false, [("default", "a")], [:], false),
        ("catalog unknown (apiserver down)", true, nil, ["net.multinet.dev/default.a": "true"], false),
        ("node unreadable", true, [("default", "a")], nil, false),
        ("a network no longer usable", true, [], ["net.multinet.dev/default.a": "true"], true),
    ]

    @Test("node labels: a patch only when both views are known and they differ", arguments: labelRows.indices)
    func labels(row: Int) {
        let (name, publish, usable, labels, patched) = Self.labelRows[row]
        var settings = Self.settings
        settings.publishNodeLabels = publish
        var state = AgentState()
        let plan = AgentStep.plan(&state, AgentObservation(now: 0, records: [], usableNetworks: usable, nodeLabels: labels),
                                  settings: settings)
        #expect((plan.labelPatch != nil) == patched, "\(name)")
    }
}
