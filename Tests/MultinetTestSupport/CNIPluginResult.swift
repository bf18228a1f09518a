import Foundation
import MultinetCNI
import MultinetJSON

/// How one plugin invocation ended: exit status, both outputs, and the parsed result or error.
public struct CNIPluginResult: Sendable {
    /// The plugin that ran.
    public let executable: String
    /// The invocation that was made.
    public let invocation: RuntimeInvocation
    /// The process ID the plugin ran as.
    public let pid: Int32
    /// The exit status; `128 + signal` when a signal ended it.
    public let exitCode: Int32
    /// The signal that ended the plugin, if one did (e.g. `SIGKILL` from ``RunningPlugin/kill(_:processGroup:)``).
    public let signal: Int32?
    /// Standard output as bytes.
    public let stdoutData: Data
    /// Standard error as bytes.
    public let stderrData: Data
    /// Time from spawn until the plugin exited and closed its outputs.
    public let duration: Duration

    /// A result from its parts.
    public init(
        executable: String, invocation: RuntimeInvocation, pid: Int32, exitCode: Int32, signal: Int32?,
        stdoutData: Data, stderrData: Data, duration: Duration
    ) {
        self.executable = executable
        self.invocation = invocation
        self.pid = pid
        self.exitCode = exitCode
        self.signal = signal
        self.stdoutData = stdoutData
        self.stderrData = stderrData
        self.duration = duration
    }

    /// Standard output, decoded as UTF-8.
    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }

    /// Standard error, decoded as UTF-8.
    public var stderr: String { String(decoding: stderrData, as: UTF8.self) }

    /// Whether the plugin exited with status 0.
    public var succeeded: Bool { exitCode == 0 && signal == nil }

    /// Standard output parsed with `JSONSerialization` (`[String: Any]` for a result or an
    /// error), or `nil` when it is empty or not JSON.
    public var json: Any? {
        try? JSONSerialization.jsonObject(with: stdoutData, options: [.fragmentsAllowed])
    }

    /// ``json`` as a dictionary, when it is one.
    public var jsonObject: [String: Any]? { json as? [String: Any] }

    /// Standard output parsed with MultinetCore's order-preserving ``JSONValue``.
    public var jsonValue: JSONValue? { try? JSONValue(parsing: Array(stdoutData)) }

    /// The CNI error the plugin printed (`{"code":…,"msg":…}`), if it printed one.
    public var cniError: CNIError? { jsonValue.flatMap(CNIError.init(json:)) }

    /// The `ips[].address` values of a CNI result, e.g. `["10.1.0.5/24"]`.
    public var ipAddresses: [String] {
        (jsonObject?["ips"] as? [[String: Any]] ?? []).compactMap { $0["address"] as? String }
    }

    /// The `interfaces[].name` values of a CNI result.
    public var interfaceNames: [String] {
        (jsonObject?["interfaces"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    /// Returns `self` when the plugin exited 0; otherwise throws
    /// ``TestSupportError/pluginFailed(summary:)`` with the whole ``summary``.
    @discardableResult
    public func requireSuccess() throws -> CNIPluginResult {
        guard succeeded else { throw TestSupportError.pluginFailed(summary: summary) }
        return self
    }

    /// A report of the call for test logs: command, environment, config, status and both outputs.
    public var summary: String {
        let status = signal.map { "was killed by signal \($0)" } ?? "exited with status \(exitCode)"
        let cniVariables = invocation.environment.filter { $0.key.hasPrefix("CNI_") }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return "\(executable) (\(invocation.command)) \(status)"
            + "\n  environment: \(cniVariables)"
            + TestSupportError.section("stdin", invocation.configText)
            + TestSupportError.section("stdout", stdout)
            + TestSupportError.section("stderr", stderr)
    }
}
