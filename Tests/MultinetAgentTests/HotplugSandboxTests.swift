import MultinetCheckpoint
import Testing
@testable import MultinetAgent

@Suite("Hot-plug: which recorded sandbox is the pod's")
struct HotplugSandboxTests {
    static func record(_ container: String, uid: String, name: String = "web", state: AttachmentState = .attached,
                       isDefault: Bool = true, createdAt: Int64) -> AttachmentRecord {
        AttachmentRecord(containerID: container, runtimeIfName: "eth0", ifName: isDefault ? "eth0" : "net1", position: 0,
                         isDefault: isDefault, netns: "/var/run/netns/\(container)", podNamespace: "default", podName: name,
                         podUID: uid, network: "podnet", networkNamespace: "", networkKind: "file", config: [],
                         cniPath: "/opt/cni/bin", cniArgs: "", state: state, createdAt: createdAt)
    }

    static let pod = HotplugTracker.Pod(namespace: "default", name: "web", uid: "u1", annotations: [:])

    static let rows: [(String, [AttachmentRecord], String?)] = [
        ("none recorded", [], nil),
        ("its one sandbox", [record("c1", uid: "u1", createdAt: 1)], "c1"),
        ("the newest of two", [record("c1", uid: "u1", createdAt: 1), record("c2", uid: "u1", createdAt: 5)], "c2"),
        ("another pod's, by UID", [record("c1", uid: "u2", createdAt: 1)], nil),
        ("an earlier pod of the same name", [record("c1", uid: "u0", createdAt: 9), record("c2", uid: "u1", createdAt: 1)], "c2"),
        ("still being set up", [record("c1", uid: "u1", state: .adding, createdAt: 1)], nil),
        ("a default whose ADD failed", [record("c1", uid: "u1", state: .addFailed, createdAt: 1)], nil),
        ("only a non-default attachment", [record("c1", uid: "u1", isDefault: false, createdAt: 1)], nil),
        ("recorded without a UID: by namespace and name", [record("c1", uid: "", createdAt: 1)], "c1"),
        ("without a UID, another name", [record("c1", uid: "", name: "db", createdAt: 1)], nil),
    ]

    @Test("the sandbox", arguments: rows.indices)
    func sandbox(row: Int) {
        let (name, records, expected) = Self.rows[row]
        #expect(Agent.sandbox(of: Self.pod, in: records) == expected, "\(name)")
    }
}
