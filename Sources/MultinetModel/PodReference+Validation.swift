import MultinetCNI

extension PodReference {
    /// The error (code 4) when the pod named in `CNI_ARGS` cannot be looked up or written
    /// to, or `nil` when its parts are empty or valid Kubernetes names: `K8S_POD_NAMESPACE`
    /// must be a DNS-1123 label and `K8S_POD_NAME` a DNS-1123 subdomain, so neither can
    /// steer an apiserver path (`..`, `/`, NUL) to another object.
    public var argumentError: CNIError? {
        if !namespace.isEmpty, let problem = KubeNames.labelProblem(namespace) {
            return CNIError(code: CNIErrorCode.invalidEnvironment,
                            msg: "CNI_ARGS K8S_POD_NAMESPACE \"\(namespace.prefix(80))\" is not a namespace name", details: problem)
        }
        if !name.isEmpty, let problem = KubeNames.subdomainProblem(name) {
            return CNIError(code: CNIErrorCode.invalidEnvironment,
                            msg: "CNI_ARGS K8S_POD_NAME \"\(name.prefix(80))\" is not a pod name", details: problem)
        }
        return nil
    }
}
