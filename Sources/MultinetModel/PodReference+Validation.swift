import MultinetCNI

extension PodReference {
    /// Why the pod named in `CNI_ARGS` cannot be looked up or written to, or `nil` when its
    /// parts are empty or valid Kubernetes names: `K8S_POD_NAMESPACE` must be a DNS-1123
    /// label and `K8S_POD_NAME` a DNS-1123 subdomain, so neither can steer an apiserver
    /// path (`..`, `/`, NUL) to another object.
    public var argumentError: PodArgumentError? {
        if !namespace.isEmpty, let problem = KubeNames.labelProblem(namespace) {
            return .namespace(namespace, problem: problem)
        }
        if !name.isEmpty, let problem = KubeNames.subdomainProblem(name) {
            return .name(name, problem: problem)
        }
        return nil
    }
}
