import MultinetCheckpoint
@testable import MultinetInspector

/// A snapshot with one of everything: a usable file network, an unusable NAD, a pod with
/// two attachments (one failed teardown), a pod without records and an unreachable apiserver.
enum OutputFixtures {
    static let result = """
        {"cniVersion":"1.0.0","interfaces":[{"name":"net1","mac":"aa:bb:cc:dd:ee:01","sandbox":"/var/run/netns/x"}],
         "ips":[{"address":"10.9.0.5/24","interface":0},{"address":"fd00::5/64","interface":0}]}
        """

    static func record(ifName: String, network: String, namespace: String = "", kind: String = "file", position: Int,
                       state: AttachmentState, error: String? = nil, result: String? = nil,
                       origin: AttachmentOrigin = .runtime) -> AttachmentRecord {
        AttachmentRecord(containerID: "c0ffee", runtimeIfName: "eth0", ifName: ifName, position: position,
                         isDefault: position == 0, netns: "/var/run/netns/x", podNamespace: "default", podName: "web",
                         podUID: "uid-web", network: network, networkNamespace: namespace, networkKind: kind,
                         config: Array("{}".utf8), cniPath: "/usr/lib/cni", cniArgs: "K8S_POD_NAME=web", state: state,
                         result: result.map { Array($0.utf8) }, error: error, lastOperation: state == .delFailed ? .del : .add,
                         attempts: state == .delFailed ? 2 : 1, createdAt: 1_000, updatedAt: 1_764_445_546_123,
                         lastDurationMs: 12, origin: origin)
    }

    static var snapshot: InspectorSnapshot {
        InspectorSnapshot(
            header: InspectorHeader(node: "node-a", apiserver: .unreachable(server: "https://127.0.0.1:6443", error: "connection refused"),
                                    storePath: "/var/lib/multinet/multinet.db", refreshedAt: 1_764_445_606_123),
            networks: [
                NetworkRow(name: "podnet", namespace: nil, kind: .file, plugin: "bridge", cniVersion: "1.0.0", usable: true,
                           problem: nil, attachmentCount: 1),
                NetworkRow(name: "macnet", namespace: "default", kind: .networkAttachmentDefinition, plugin: "macvlan",
                           cniVersion: "1.0.0", usable: false, problem: "plugin binary \"macvlan\" missing from the bin dirs",
                           attachmentCount: 1),
            ],
            pods: [
                PodRow(namespace: "default", name: "idle", uid: "uid-idle", containerID: "", existsInCluster: true, attachments: []),
                PodRow(namespace: "default", name: "web", uid: "uid-web", containerID: "c0ffee", existsInCluster: nil, attachments: [
                    record(ifName: "eth0", network: "podnet", position: 0, state: .attached, result: result.replacingOccurrences(of: "net1", with: "eth0")),
                    record(ifName: "net1", network: "macnet", namespace: "default", kind: "NetworkAttachmentDefinition",
                           position: 1, state: .delFailed, error: "plugin macvlan failed", result: result, origin: .hotplug),
                ]),
            ])
    }
}
