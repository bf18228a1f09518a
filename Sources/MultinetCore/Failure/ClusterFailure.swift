import MultinetCNI
import MultinetKube

/// multinet could not use the apiserver: its configuration was unusable, or a request failed.
enum ClusterFailure: CNIErrorConvertible, CustomStringConvertible {
    /// The kubeconfig or the client could not be set up (code 7): what failed, and why.
    case setup(action: String, problem: String)
    /// A request failed: what multinet was doing, and the client's error.
    case request(what: String, error: KubeError)

    /// Transient trouble (unreachable, timeout, 429, 5xx) and rejected credentials (tokens
    /// rotate) are code 11, so the runtime retries; a missing pod is code 3; anything else
    /// (a CA that does not match, forbidden, invalid) is a configuration error, code 7.
    var cniError: CNIError {
        switch self {
        case .setup(let action, let problem):
            return CNIError(code: CNIErrorCode.invalidNetworkConfig, msg: action, details: problem)
        case .request(let what, let error):
            let code: Int
            switch error {
            case _ where error.isTransient: code = CNIErrorCode.tryAgainLater
            case .unauthorized: code = CNIErrorCode.tryAgainLater
            case .notFound: code = CNIErrorCode.unknownContainer
            default: code = CNIErrorCode.invalidNetworkConfig
            }
            return CNIError(code: code, msg: "\(what): \(error.description)")
        }
    }
}
