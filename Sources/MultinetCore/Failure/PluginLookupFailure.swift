import MultinetCNI

/// Why a plugin `type` names no executable multinet may run (code 7).
public enum PluginLookupFailure: CNIErrorConvertible, CustomStringConvertible, Equatable {
    /// The `type` is not a bare file name.
    case notAPluginName(type: String, problem: String)
    /// No plugin directory holds it.
    case notFound(type: String, directories: [String])
    /// The match cannot be resolved to a real path.
    case unresolvable(type: String, path: String)
    /// The match is a symbolic link to a file outside every plugin directory.
    case linkOutsideDirectories(type: String, path: String, target: String, directories: [String])

    /// The CNI error the runtime sees.
    public var cniError: CNIError {
        let invalid = CNIErrorCode.invalidNetworkConfig
        switch self {
        case .notAPluginName(let type, let problem):
            return CNIError(code: invalid, msg: "plugin type \"\(type.prefix(64))\" is not a plugin name", details: problem)
        case .notFound(let type, let directories):
            return CNIError(code: invalid, msg: "failed to find plugin \"\(type)\" in path \(directories)",
                            details: "install the plugin binary into one of these directories")
        case .unresolvable(let type, let path):
            return CNIError(code: invalid, msg: "plugin \"\(type)\" at \(path) cannot be resolved to a real path")
        case .linkOutsideDirectories(let type, let path, let target, let directories):
            return CNIError(code: invalid,
                            msg: "plugin \"\(type)\" at \(path) is a symbolic link to \(target), outside the plugin directories \(directories)",
                            details: "multinet runs only binaries inside CNI_PATH or binDir; install the plugin there or add its directory to binDir")
        }
    }
}
