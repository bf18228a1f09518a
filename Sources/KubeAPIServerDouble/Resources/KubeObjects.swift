/// Builders for the objects tests seed most often. Each returns a JSON object ready for
/// ``KubeObjectStore/create(_:_:namespace:)``.
public enum KubeObjects {
    /// A pod with one container, optionally scheduled on `nodeName`, with annotations,
    /// labels and pod IPs (which also set `status.podIP` and `phase: Running`).
    public static func pod(
        name: String, namespace: String = "default", nodeName: String? = nil,
        annotations: [String: String] = [:], labels: [String: String] = [:], podIPs: [String] = [],
        uid: String? = nil
    ) -> KubeJSON {
        var metadata: KubeJSON.Object = ["name": .string(name), "namespace": .string(namespace)]
        if let uid { metadata["uid"] = .string(uid) }
        if !labels.isEmpty { metadata["labels"] = stringMap(labels) }
        if !annotations.isEmpty { metadata["annotations"] = stringMap(annotations) }
        var spec: KubeJSON.Object = ["containers": [["name": "app", "image": "registry.k8s.io/pause:3.10"]]]
        if let nodeName { spec["nodeName"] = .string(nodeName) }
        var status: KubeJSON.Object = ["phase": podIPs.isEmpty ? "Pending" : "Running"]
        if let first = podIPs.first {
            status["podIP"] = .string(first)
            status["podIPs"] = .array(podIPs.map { ["ip": .string($0)] })
        }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": .object(spec), "status": .object(status)]
    }

    /// A `k8s.cni.cncf.io/v1` NetworkAttachmentDefinition; `config` is the CNI config JSON
    /// text (`spec.config`), left out when `nil`.
    public static func networkAttachmentDefinition(
        name: String, namespace: String = "default", config: String? = nil, annotations: [String: String] = [:]
    ) -> KubeJSON {
        var metadata: KubeJSON.Object = ["name": .string(name), "namespace": .string(namespace)]
        if !annotations.isEmpty { metadata["annotations"] = stringMap(annotations) }
        var object: KubeJSON.Object = [
            "apiVersion": "k8s.cni.cncf.io/v1", "kind": "NetworkAttachmentDefinition", "metadata": .object(metadata),
        ]
        object["spec"] = config.map { ["config": .string($0)] } ?? .object([:])
        return .object(object)
    }

    /// An `alpha.network.k8s.io/v1` Network; `plugin` is `spec.plugin` (a thick plugin),
    /// left out when `nil` (a thin network).
    public static func network(name: String, namespace: String = "default", plugin: String? = nil) -> KubeJSON {
        var object: KubeJSON.Object = [
            "apiVersion": "alpha.network.k8s.io/v1", "kind": "Network",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
        ]
        object["spec"] = plugin.map { ["plugin": .string($0)] } ?? .object([:])
        return .object(object)
    }

    /// A namespace.
    public static func namespace(_ name: String) -> KubeJSON {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)], "status": ["phase": "Active"]]
    }

    private static func stringMap(_ map: [String: String]) -> KubeJSON {
        .object(KubeJSON.Object(map.sorted { $0.key < $1.key }.map { ($0.key, KubeJSON.string($0.value)) }))
    }
}
