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
                throw PlanFailure.podAnnotationsNotObject(capability: Self.podAnnotationsCapability, kind: passed.kindName)
            }
            var out: [String: String] = [:]
            for (key, value) in object {
                guard let text = value.stringValue else {
                    throw PlanFailure.podAnnotationNotString(capability: Self.podAnnotationsCapability, key: key)
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
            throw PlanFailure.podReplaced(pod: pod.displayName, runtimeUID: pod.uid, apiserverUID: info.uid)
        }
        return info.annotations
    }
}
