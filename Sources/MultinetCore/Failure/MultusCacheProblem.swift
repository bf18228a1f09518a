import MultinetCNI

/// What is wrong with a file Multus or libcni left in the cache dir (an entry, one of its
/// delegates, a cached result): each message names the file and the field.
enum MultusCacheProblem: CNIErrorConvertible, CustomStringConvertible {
    /// It, or a field in it, is not JSON (code 6).
    case undecodable(String, details: String = "")
    /// It is JSON, but not what Multus writes (code 7).
    case malformed(String, details: String = "")

    var cniError: CNIError {
        switch self {
        case .undecodable(let message, let details):
            return CNIError(code: CNIErrorCode.decodingFailure, msg: message, details: details)
        case .malformed(let message, let details):
            return CNIError(code: CNIErrorCode.invalidNetworkConfig, msg: message, details: details)
        }
    }
}
