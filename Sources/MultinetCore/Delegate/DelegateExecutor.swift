import MultinetCNI

/// How multinet runs a delegate plugin: find its binary, run one command with an
/// environment and stdin, and get back its stdout or its error.
///
/// The process-backed ``ProcessDelegateExecutor`` runs real plugins; tests swap in a fake
/// that records every call, as the reference plugins' test suites do with libcni's `Exec`.
public protocol DelegateExecutor: Sendable {
    /// The absolute path of the plugin `type` in `directories` (``PluginLocator`` rules).
    func findPlugin(type: String, in directories: [String]) throws -> String

    /// Runs a plugin and returns its stdout when it exits 0; otherwise the plugin's own
    /// CNI error when it printed one, or a ``CNIError`` describing how it failed.
    func execute(_ call: DelegateCall) throws -> [UInt8]
}

/// One call of one delegate binary.
public struct DelegateCall: Sendable {
    /// The binary's absolute path.
    public var pluginPath: String
    /// The command, also present in `environment`.
    public var command: CNICommand
    /// The complete environment, `KEY=VALUE`.
    public var environment: [String]
    /// The configuration on stdin.
    public var stdin: [UInt8]
    /// The time limit.
    public var timeoutSeconds: Double

    /// A call.
    public init(pluginPath: String, command: CNICommand, environment: [String], stdin: [UInt8], timeoutSeconds: Double) {
        self.pluginPath = pluginPath
        self.command = command
        self.environment = environment
        self.stdin = stdin
        self.timeoutSeconds = timeoutSeconds
    }

    /// The plugin's file name, for messages.
    public var pluginName: String {
        pluginPath.split(separator: "/").last.map(String.init) ?? pluginPath
    }
}
