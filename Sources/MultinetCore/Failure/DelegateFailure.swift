import MultinetCNI

/// A delegate plugin failed without a CNI error of its own, or answered what multinet
/// cannot use. A plugin's own CNI error is never wrapped in this: it reaches the runtime
/// as the plugin printed it.
enum DelegateFailure: CNIErrorConvertible, CustomStringConvertible {
    /// The process could not be started (code 100).
    case cannotRun(plugin: String, command: String, problem: String)
    /// It printed more than multinet reads (code 100).
    case outputTooLarge(plugin: String, command: String)
    /// It exited non-zero without printing a CNI error (code 100).
    case failedWithoutError(plugin: String, command: String, status: Int32, output: String)
    /// A signal ended it (code 100).
    case killed(plugin: String, command: String, signal: Int32, stderr: String)
    /// It outlived `delegateTimeoutSeconds` and was killed (code 100).
    case timedOut(plugin: String, command: String, seconds: String, stderr: String)
    /// ADD succeeded without a result (code 100).
    case noResult(plugin: String, network: String)
    /// ADD printed something that is not JSON (code 6).
    case resultNotJSON(plugin: String, network: String, problem: String)
    /// STATUS: a plugin of the network is not installed (code 50).
    case notInstalled(network: String, plugin: String, searchPath: [String])
    /// VERSION's answer has no `supportedVersions` (code 6).
    case noVersionList(plugin: String)
    /// The network's plugins share no CNI version with multinet (code 1).
    case noCommonVersion(network: String, plugins: [String], declared: String)

    var cniError: CNIError {
        let failed = CNIErrorCode.delegateFailed
        switch self {
        case .cannotRun(let plugin, let command, let problem):
            return CNIError(code: failed, msg: "cannot run plugin \(plugin) for \(command)", details: problem)
        case .outputTooLarge(let plugin, let command):
            return CNIError(code: failed, msg: "plugin \(plugin) printed more output than multinet accepts on \(command)")
        case .failedWithoutError(let plugin, let command, let status, let output):
            return CNIError(code: failed, msg: "plugin \(plugin) failed on \(command) with exit status \(status) and no CNI error",
                            details: output)
        case .killed(let plugin, let command, let signal, let stderr):
            return CNIError(code: failed, msg: "plugin \(plugin) was killed by signal \(signal) during \(command)", details: stderr)
        case .timedOut(let plugin, let command, let seconds, let stderr):
            return CNIError(code: failed,
                            msg: "plugin \(plugin) did not finish \(command) within \(seconds) s (delegateTimeoutSeconds) and was killed",
                            details: stderr)
        case .noResult(let plugin, let network):
            return CNIError(code: failed, msg: "plugin \(plugin) of network \"\(network)\" exited 0 on ADD without printing a result")
        case .resultNotJSON(let plugin, let network, let problem):
            return CNIError(code: CNIErrorCode.decodingFailure,
                            msg: "plugin \(plugin) of network \"\(network)\" printed a result that is not JSON", details: problem)
        case .notInstalled(let network, let plugin, let searchPath):
            return CNIError(code: CNIErrorCode.pluginNotAvailable,
                            msg: "network \"\(network)\" is not ready: plugin \(plugin) is not installed in \(searchPath)")
        case .noVersionList(let plugin):
            return CNIError(code: CNIErrorCode.decodingFailure, msg: "plugin \(plugin) answered VERSION without a supportedVersions list")
        case .noCommonVersion(let network, let plugins, let declared):
            return CNIError(code: CNIErrorCode.incompatibleVersion,
                            msg: "network \"\(network)\": its plugins \(plugins) share no CNI version with multinet",
                            details: "declared \"\(declared)\"; multinet supports \(CNIVersion.supported.map(\.description).joined(separator: ", "))")
        }
    }
}
