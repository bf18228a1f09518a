import MultinetCNI

/// Why the CNI conf dir gave no usable network configuration.
public enum ConfDirectoryError: CNIErrorConvertible, CustomStringConvertible {
    /// The directory cannot be listed (code 7).
    case unreadable(path: String, problem: String)
    /// A file in it cannot be read (code 5).
    case fileUnreadable(path: String, problem: String)
    /// `defaultNetwork` names a network no file holds (code 7).
    case defaultNetworkMissing(name: String, path: String)
    /// No file but multinet's own is usable (code 7): what was wrong with each.
    case noDefaultNetwork(path: String, problems: [String])
    /// multinet's own file holds a configuration multinet refuses (code 7).
    case ownConfigInvalid(path: String, problem: String)

    /// The CNI error the runtime sees.
    public var cniError: CNIError {
        let invalid = CNIErrorCode.invalidNetworkConfig
        switch self {
        case .unreadable(let path, let problem):
            return CNIError(code: invalid, msg: "cannot read the CNI conf dir \(path)", details: problem)
        case .fileUnreadable(let path, let problem):
            return CNIError(code: CNIErrorCode.ioFailure, msg: "cannot read \(path)", details: problem)
        case .defaultNetworkMissing(let name, let path):
            return CNIError(code: invalid, msg: "the default network \"\(name)\" (defaultNetwork) has no configuration file in \(path)")
        case .noDefaultNetwork(let path, let problems):
            return CNIError(code: invalid,
                            msg: "no default network: \(path) holds no usable network configuration besides multinet's own",
                            details: problems.joined(separator: "; "))
        case .ownConfigInvalid(let path, let problem):
            return CNIError(code: invalid, msg: "multinet's configuration in \(path) is invalid: \(problem)")
        }
    }
}
