import MultinetCNI

/// Why multinet could not work out what to attach to a pod. Each case names the pod,
/// network, file or key at fault, as the message the runtime shows.
enum PlanFailure: CNIErrorConvertible, CustomStringConvertible {
    /// The runtime's pod annotations (`runtimeConfig`) are not an object (code 7).
    case podAnnotationsNotObject(capability: String, kind: String)
    /// One of them is not a string (code 7).
    case podAnnotationNotString(capability: String, key: String)
    /// The runtime's `K8S_POD_UID` is not the apiserver's: the pod was recreated (code 3).
    case podReplaced(pod: String, runtimeUID: String, apiserverUID: String)
    /// The pod selects networks, and multinet has no apiserver to read them from (code 7).
    case noAPIServer(pod: String, annotation: String)
    /// A selection cannot be read without an apiserver (code 7).
    case noAPIServerForSelection
    /// A node network names an object and multinet has no apiserver (code 7).
    case noAPIServerForObject(namespace: String, name: String)
    /// A concurrent lookup never reported back (code 11).
    case lookupUnfinished(number: Int)
    /// A selected NetworkAttachmentDefinition does not exist (code 7).
    case attachmentDefinitionMissing(qualifiedName: String)
    /// A selected alpha Network does not exist (code 7).
    case networkMissing(qualifiedName: String, group: String)
    /// A node network is neither an object nor a file in the conf dir (code 7).
    case noNetworkFile(problem: String, confDir: String, name: String)
    /// Multus's readiness indicator file did not appear in time (code 11).
    case clusterNetworkNotReady(path: String, seconds: String)
    /// The plan ran, yet no default network came out of it (code 7).
    case noDefaultNetworkAttached(pod: String)

    var cniError: CNIError {
        let invalid = CNIErrorCode.invalidNetworkConfig
        let noAPIServerHint = "set \"kubeconfig\" in multinet's configuration, or run where KUBERNETES_SERVICE_HOST is set"
        switch self {
        case .podAnnotationsNotObject(let capability, let kind):
            return CNIError(code: invalid, msg: "runtimeConfig \"\(capability)\" must be an object, not \(kind)")
        case .podAnnotationNotString(let capability, let key):
            return CNIError(code: invalid, msg: "runtimeConfig \"\(capability)\": annotation \"\(key.prefix(80))\" must be a string")
        case .podReplaced(let pod, let runtimeUID, let apiserverUID):
            return CNIError(code: CNIErrorCode.unknownContainer,
                            msg: "pod \(pod): the runtime's K8S_POD_UID \(runtimeUID) does not match the apiserver's pod UID \(apiserverUID)",
                            details: "the pod was deleted and recreated under the same name; this sandbox belongs to the old pod")
        case .noAPIServer(let pod, let annotation):
            return CNIError(code: invalid,
                            msg: "pod \(pod) selects networks with \(annotation), but multinet has no apiserver to read them from",
                            details: noAPIServerHint)
        case .noAPIServerForSelection:
            return CNIError(code: invalid, msg: "multinet has no apiserver to read it from")
        case .noAPIServerForObject(let namespace, let name):
            return CNIError(code: invalid,
                            msg: "NetworkAttachmentDefinition \(namespace)/\(name) cannot be read: multinet has no apiserver",
                            details: noAPIServerHint)
        case .lookupUnfinished(let number):
            return CNIError(code: CNIErrorCode.tryAgainLater, msg: "network lookup \(number) did not finish")
        case .attachmentDefinitionMissing(let qualifiedName):
            return CNIError(code: invalid, msg: "NetworkAttachmentDefinition \(qualifiedName) does not exist")
        case .networkMissing(let qualifiedName, let group):
            return CNIError(code: invalid, msg: "Network \(qualifiedName) (\(group)) does not exist")
        case .noNetworkFile(let problem, let confDir, let name):
            return CNIError(code: invalid,
                            msg: "\(problem), and \(confDir) holds no configuration file whose \"name\" is \"\(name)\"")
        case .clusterNetworkNotReady(let path, let seconds):
            return CNIError(code: CNIErrorCode.tryAgainLater,
                            msg: "the cluster network is not ready: readinessindicatorfile \(path) does not exist after \(seconds) s",
                            details: "multinet waits for it before attaching anything, as Multus does; the runtime retries the ADD")
        case .noDefaultNetworkAttached(let pod):
            return CNIError(code: invalid, msg: "pod \(pod): no default network was attached")
        }
    }
}
