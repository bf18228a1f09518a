import MultinetCNI

/// Why the pod named in `CNI_ARGS` cannot be looked up or written to (code 4): a part
/// that is not a Kubernetes name could steer an apiserver path (`..`, `/`, NUL).
public enum PodArgumentError: CNIErrorConvertible, CustomStringConvertible, Equatable {
    /// `K8S_POD_NAMESPACE` is not a DNS-1123 label.
    case namespace(String, problem: String)
    /// `K8S_POD_NAME` is not a DNS-1123 subdomain.
    case name(String, problem: String)

    /// The CNI error the runtime sees.
    public var cniError: CNIError {
        switch self {
        case .namespace(let text, let problem):
            return CNIError(code: CNIErrorCode.invalidEnvironment,
                            msg: "CNI_ARGS K8S_POD_NAMESPACE \"\(text.prefix(80))\" is not a namespace name", details: problem)
        case .name(let text, let problem):
            return CNIError(code: CNIErrorCode.invalidEnvironment,
                            msg: "CNI_ARGS K8S_POD_NAME \"\(text.prefix(80))\" is not a pod name", details: problem)
        }
    }
}
