import MultinetCheckpoint
@testable import MultinetCore
import Testing

@Suite("Reclaim planning: only sandboxes whose pod and netns are both gone past the grace")
struct ReclaimPlannerTests {
    static let grace: Int64 = 300_000

    static func record(_ container: String, _ ifName: String) -> AttachmentRecord {
        AttachmentRecord(
            containerID: container, runtimeIfName: "eth0", ifName: ifName, position: ifName == "eth0" ? 0 : 1,
            isDefault: ifName == "eth0", netns: "/var/run/netns/\(container)", podNamespace: "default",
            podName: "pod-\(container)", podUID: "uid-\(container)", network: "n", networkNamespace: "",
            networkKind: "file", config: [], cniPath: "/opt/cni/bin", cniArgs: "", state: .attached)
    }

    static func drift(_ container: String, _ ifName: String, _ kind: DriftKind, since: Int64?) -> DriftEntry {
        DriftEntry(containerID: container, namespace: "default", pod: "pod-\(container)", network: "n",
                   interface: ifName, kind: kind, detail: "", since: since)
    }

    /// A container `c` with eth0 and net1, both pod-gone and netns-gone since `since`.
    static func leak(_ container: String, since: Int64) -> [DriftEntry] {
        ["eth0", "net1"].flatMap { ifName in
            [drift(container, ifName, .podGone, since: since), drift(container, ifName, .netnsGone, since: since)]
        }
    }

    static let records = ["a", "b"].flatMap { [record($0, "eth0"), record($0, "net1")] }

    /// Each row: its name, the drift, the clock, and the containers due.
    static let rows: [(String, [DriftEntry], Int64, [String])] = [
        ("no drift: nothing", [], 1_000_000, []),
        ("a leak past the grace", leak("a", since: 100_000), 500_000, ["a"]),
        ("exactly at the grace", leak("a", since: 100_000), 400_000, ["a"]),
        ("a leak still within the grace", leak("a", since: 100_000), 399_999, []),
        ("two leaks, one due", leak("a", since: 0) + leak("b", since: 200_000), 400_000, ["a"]),
        ("the pod still exists (netns-gone only)",
         [drift("a", "eth0", .netnsGone, since: 0), drift("a", "net1", .netnsGone, since: 0)], 1_000_000, []),
        ("the netns still exists or is unknown (pod-gone only)",
         [drift("a", "eth0", .podGone, since: 0), drift("a", "net1", .podGone, since: 0)], 1_000_000, []),
        ("one interface is not a leak: the whole container waits",
         [drift("a", "eth0", .podGone, since: 0), drift("a", "eth0", .netnsGone, since: 0),
          drift("a", "net1", .podGone, since: 0)], 1_000_000, []),
        ("the later of the two kinds counts",
         [drift("a", "eth0", .podGone, since: 0), drift("a", "eth0", .netnsGone, since: 200_000),
          drift("a", "net1", .podGone, since: 0), drift("a", "net1", .netnsGone, since: 0)], 450_000, []),
        ("an entry not yet stamped is not a leak yet",
         leak("a", since: 0).map { var entry = $0; if entry.interface == "net1" { entry.since = nil }; return entry },
         1_000_000, []),
        ("other drift kinds do not make a leak",
         [drift("a", "eth0", .interfaceMissing, since: 0), drift("a", "net1", .statusMismatch, since: 0)], 1_000_000, []),
        ("a drift without a record is ignored", leak("z", since: 0), 1_000_000, []),
    ]

    @Test("which containers are due", arguments: rows.indices)
    func due(row: Int) {
        let (name, drift, now, expected) = Self.rows[row]
        let due = ReclaimPlanner.due(drift, records: Self.records, now: now, graceMilliseconds: Self.grace)
        #expect(due.map(\.containerID) == expected, "\(name)")
    }

    @Test("a candidate carries the recorded pod, its interfaces and since when")
    func candidate() throws {
        let due = ReclaimPlanner.due(Self.leak("a", since: 5) + [Self.drift("a", "net1", .podGone, since: 7)],
                                     records: Self.records, now: 1_000_000, graceMilliseconds: Self.grace)
        let only = try #require(due.first)
        #expect(due.count == 1)
        #expect(only == ReclaimPlanner.Candidate(containerID: "a", namespace: "default", pod: "pod-a", podUID: "uid-a",
                                                 interfaces: ["eth0", "net1"], since: 7))
        #expect(only.podName == "default/pod-a")
    }
}
