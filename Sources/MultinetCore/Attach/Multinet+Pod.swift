import MultinetCNI
import MultinetPlanning

extension Multinet {
    /// The runtimeConfig key under which CRI runtimes pass the pod's annotations.
    public static let podAnnotationsCapability = "io.kubernetes.cri.pod-annotations"

    /// The pod's annotations: from the runtime's `runtimeConfig` when it passes them (no
    /// apiserver request at all), else from the apiserver when one is configured (checking
    /// `K8S_POD_UID`), else none.
    func podAnnotations(_ request: CNIRequest, kube: KubeSession) async throws -> [String: String] {
        if let passed = request.config.runtimeConfig[Self.podAnnotationsCapability] {
            guard let object = passed.objectValue else {
                throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                               msg: "runtimeConfig \"\(Self.podAnnotationsCapability)\" must be an object, not \(passed.kindName)")
            }
            var out: [String: String] = [:]
            for (key, value) in object {
                guard let text = value.stringValue else {
                    throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                                   msg: "runtimeConfig \"\(Self.podAnnotationsCapability)\": annotation \"\(key.prefix(80))\" must be a string")
                }
                out[key] = text
            }
            return out
        }
        let pod = request.pod
        guard !pod.name.isEmpty, !pod.namespace.isEmpty else { return [:] }
        guard let access = try kube.get() else { return [:] }
        let info = try await access.pod(namespace: pod.namespace, name: pod.name)
        if !pod.uid.isEmpty, info.uid != pod.uid {
            throw CNIError(code: CNIErrorCode.unknownContainer,
                           msg: "pod \(pod.displayName): the runtime's K8S_POD_UID \(pod.uid) does not match the apiserver's pod UID \(info.uid)",
                           details: "the pod was deleted and recreated under the same name; this sandbox belongs to the old pod")
        }
        return info.annotations
    }
}
