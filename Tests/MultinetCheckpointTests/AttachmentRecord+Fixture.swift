@testable import MultinetCheckpoint

extension AttachmentRecord {
    /// A plausible record; tests override what they look at.
    static func fixture(
        containerID: String = "c0ffee",
        runtimeIfName: String = "eth0",
        ifName: String = "eth0",
        position: Int = 0,
        network: String = "default-net",
        config: [UInt8] = Array(#"{"cniVersion":"1.0.0","name":"default-net","plugins":[{"type":"bridge"}]}"#.utf8)
    ) -> AttachmentRecord {
        AttachmentRecord(
            containerID: containerID,
            runtimeIfName: runtimeIfName,
            ifName: ifName,
            position: position,
            isDefault: position == 0,
            netns: "/var/run/netns/cni-\(containerID)",
            podNamespace: "default",
            podName: "web-0",
            podUID: "5f6a1c2e-0000-4000-8000-000000000001",
            network: network,
            networkNamespace: "default",
            networkKind: "Network",
            config: config,
            cniPath: "/opt/cni/bin",
            cniArgs: "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0"
        )
    }
}
