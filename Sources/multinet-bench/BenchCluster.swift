import KubeAPIServerDouble

/// The apiserver test double (TLS, bearer token) holding what scenarios (b), (c), (e) and (g)
/// read: two NetworkAttachmentDefinitions with bridge configs, a pod selecting them, a
/// plain pod, and for the inspector thousands of pods across many nodes.
struct BenchCluster {
    let server: KubeAPIServer
    let kubeconfig: String
    /// The same kubeconfig in YAML, as kubectl writes it (scenario (g)).
    let yamlKubeconfig: String
    let multiPod = "bench-multi"
    let multiPodUID: String
    let plainPod = "bench-plain"
    let plainPodUID: String
    /// The two NADs' configs as a runtime would call `bridge` directly.
    let directConfigs: [String]
    var multiPodAnnotations: [String: String] { ["k8s.v1.cni.cncf.io/networks": "benchnet1,benchnet2"] }

    static func start(node: BenchNode) async throws -> BenchCluster {
        let server = try await KubeAPIServer.start()
        let kubeconfig = try server.writeKubeconfig(to: node.root + "/kubeconfig.json", format: .json)
        let yamlKubeconfig = try server.writeKubeconfig(to: node.root + "/kubeconfig.yaml", format: .yaml)
        var direct: [String] = []
        for (index, subnet) in [(1, "10.250.112.0/24"), (2, "10.250.113.0/24")] {
            let keys = node.bridgeKeys(bridge: node.bridge(index), subnet: subnet)
            let config = #"{"cniVersion":"1.0.0","name":"benchnet\#(index)",\#(keys)}"#
            direct.append(config)
            _ = try server.seed(KubeObjects.networkAttachmentDefinition(name: "benchnet\(index)", config: config))
        }
        let cluster = BenchCluster(
            server: server, kubeconfig: kubeconfig, yamlKubeconfig: yamlKubeconfig,
            multiPodUID: try uid(server.seed(KubeObjects.pod(name: "bench-multi", nodeName: "bench-node",
                                                             annotations: ["k8s.v1.cni.cncf.io/networks": "benchnet1,benchnet2"]))),
            plainPodUID: try uid(server.seed(KubeObjects.pod(name: "bench-plain", nodeName: "bench-node"))),
            directConfigs: direct)
        return cluster
    }

    private static func uid(_ seeded: [KubeJSON]) throws -> String {
        guard let uid = seeded.first?.string(at: "metadata.uid") else { throw BenchError.failed("the seeded pod has no UID") }
        return uid
    }
}
