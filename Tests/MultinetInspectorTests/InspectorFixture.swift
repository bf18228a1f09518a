import MultinetCheckpoint
@testable import MultinetInspector

/// A node with every kind of row: three networks (one unusable), pods with attached,
/// adding, deleting, add_failed and del_failed interfaces, and a pod without attachments.
enum InspectorFixture {
    static let now: Int64 = 1_800_000_000_000

    static func result(_ ifName: String, _ ips: [String], mac: String) -> [UInt8] {
        let addresses = ips.map { "{\"address\":\"\($0)\",\"interface\":0}" }.joined(separator: ",")
        return Array(("{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"\(ifName)\",\"mac\":\"\(mac)\","
            + "\"sandbox\":\"/var/run/netns/x\"}],\"ips\":[\(addresses)]}").utf8)
    }

    static func record(_ containerID: String, pod: (String, String), ifName: String, network: String,
                       networkNamespace: String = "default", state: AttachmentState, result: [UInt8]? = nil,
                       error: String? = nil, attempts: Int = 1, agoSeconds: Int64 = 120) -> AttachmentRecord {
        AttachmentRecord(
            containerID: containerID, runtimeIfName: "eth0", ifName: ifName, position: ifName == "eth0" ? 0 : 1,
            isDefault: ifName == "eth0", netns: "/var/run/netns/\(containerID)", podNamespace: pod.0, podName: pod.1,
            podUID: "uid-\(containerID)", network: network, networkNamespace: networkNamespace,
            networkKind: "NetworkAttachmentDefinition",
            config: Array("{\"cniVersion\":\"1.0.0\",\"name\":\"\(network)\",\"plugins\":[{\"type\":\"macvlan\",\"master\":\"eth0\",\"mtu\":1500}]}".utf8),
            cniPath: "/opt/cni/bin", cniArgs: "K8S_POD_NAME=\(pod.1)", state: state, result: result, error: error,
            lastOperation: state == .delFailed || state == .deleting ? .del : .add, attempts: attempts,
            createdAt: now - agoSeconds * 1000 - 5000, updatedAt: now - agoSeconds * 1000, lastDurationMs: 240)
    }

    static let networks = [
        NetworkRow(name: "macvlan-a", namespace: "default", kind: .networkAttachmentDefinition, plugin: "macvlan",
                   cniVersion: "1.0.0", usable: true, problem: nil, attachmentCount: 3),
        NetworkRow(name: "bridge-b", namespace: "kube-system", kind: .network, plugin: "bridge", cniVersion: "0.4.0",
                   usable: true, problem: nil, attachmentCount: 1),
        NetworkRow(name: "broken-c", namespace: nil, kind: .file, plugin: "ipvlan", cniVersion: "1.0.0", usable: false,
                   problem: "binary ipvlan missing in /opt/cni/bin", attachmentCount: 0),
    ]

    static let web = PodRow(namespace: "default", name: "web-1", uid: "uid-c1", containerID: "c1", attachments: [
        record("c1", pod: ("default", "web-1"), ifName: "eth0", network: "cluster", networkNamespace: "",
               state: .attached, result: result("eth0", ["10.1.0.5/16", "fd00::5/64"], mac: "0a:58:0a:01:00:05")),
        record("c1", pod: ("default", "web-1"), ifName: "net1", network: "macvlan-a", state: .attached,
               result: result("net1", ["192.168.5.7/24"], mac: "aa:bb:cc:dd:ee:01")),
    ])
    static let db = PodRow(namespace: "default", name: "db-0", uid: "uid-c2", containerID: "c2", attachments: [
        record("c2", pod: ("default", "db-0"), ifName: "net1", network: "macvlan-a", state: .delFailed,
               error: "macvlan: failed to delete link net1: device busy", attempts: 3, agoSeconds: 600),
    ])
    static let agent = PodRow(namespace: "kube-system", name: "agent", uid: "uid-c3", containerID: "c3", attachments: [
        record("c3", pod: ("kube-system", "agent"), ifName: "net1", network: "bridge-b", networkNamespace: "kube-system",
               state: .addFailed, error: "bridge: IP range exhausted", attempts: 2, agoSeconds: 60),
    ])
    static let job = PodRow(namespace: "default", name: "job-2", uid: "uid-c4", containerID: "c4", attachments: [
        record("c4", pod: ("default", "job-2"), ifName: "net1", network: "macvlan-a", state: .adding),
        record("c4", pod: ("default", "job-2"), ifName: "net2", network: "macvlan-a", state: .deleting),
    ])
    static let idle = PodRow(namespace: "default", name: "idle", uid: "uid-c5", containerID: "c5", attachments: [])

    static func snapshot(pods: [PodRow] = [web, db, agent, job, idle], apiserver: APIServerState =
                            .reachable(server: "https://10.0.0.1:6443")) -> InspectorSnapshot {
        InspectorSnapshot(
            header: InspectorHeader(node: "node-a", context: "kind-demo", apiserver: apiserver,
                                    storePath: "/var/lib/multinet/state.db", refreshedAt: now - 3000),
            networks: networks, pods: pods)
    }

    static func state(view: InspectorView = .networks, width: Int = 80, height: Int = 24, readOnly: Bool = false,
                      ascii: Bool = false) -> InspectorState {
        InspectorState(snapshot: snapshot(), view: view, width: width, height: height, readOnly: readOnly,
                       asciiOnly: ascii, now: now)
    }

    /// Runs actions through the reducer, collecting every effect.
    static func run(_ state: InspectorState, _ actions: [InspectorAction]) -> (InspectorState, [InspectorEffect]) {
        var state = state
        var effects: [InspectorEffect] = []
        for action in actions {
            let (next, new) = InspectorReducer.reduce(state, action)
            state = next
            effects += new
        }
        return (state, effects)
    }

    static func keys(_ text: String) -> [InspectorAction] { text.map { .key(.char($0)) } }
}
