import Synchronization
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetJSON

/// A delegate executor that runs no process: it records every call (environment and stdin)
/// and answers from scripted behaviours, as libcni's fake exec does in plugin test suites.
final class FakeDelegateExecutor: DelegateExecutor {
    struct Call: Sendable {
        var type: String
        var command: CNICommand
        var environment: [String: String]
        var stdin: JSONValue
    }

    typealias Behaviour = @Sendable (Call) throws(CNIError) -> [UInt8]

    private let state = Mutex<(calls: [Call], behaviours: [String: Behaviour], installed: Set<String>)>(([], [:], []))

    init(installed: Set<String> = ["bridge", "portmap", "macvlan", "tuning"]) {
        state.withLock { $0.installed = installed }
    }

    /// Scripts how plugin `type` answers.
    func on(_ type: String, _ behaviour: @escaping Behaviour) {
        state.withLock { $0.behaviours[type] = behaviour }
    }

    /// Makes plugin `type` findable.
    func install(_ type: String) {
        state.withLock { _ = $0.installed.insert(type) }
    }

    var calls: [Call] { state.withLock { $0.calls } }

    /// The calls as "type COMMAND ifname" lines, for compact assertions.
    var trace: [String] { calls.map { "\($0.type) \($0.command.rawValue) \($0.environment["CNI_IFNAME"] ?? "-")" } }

    func findPlugin(type: String, in directories: [String]) throws(CNIError) -> String {
        let installed = state.withLock { $0.installed.contains(type) }
        guard installed else {
            throw CNIError(code: CNIErrorCode.invalidNetworkConfig, msg: "failed to find plugin \"\(type)\" in path \(directories)")
        }
        return "/fake/bin/\(type)"
    }

    func execute(_ call: DelegateCall) throws(CNIError) -> [UInt8] {
        var env: [String: String] = [:]
        for entry in call.environment {
            if let eq = entry.firstIndex(of: "=") { env[String(entry[..<eq])] = String(entry[entry.index(after: eq)...]) }
        }
        let recorded = Call(type: call.pluginName, command: call.command, environment: env,
                            stdin: (try? JSONValue(parsing: call.stdin)) ?? .null)
        let behaviour = state.withLock { s -> Behaviour? in
            s.calls.append(recorded)
            return s.behaviours[call.pluginName]
        }
        if let behaviour { return try behaviour(recorded) }
        return try Self.standard(recorded)
    }

    /// A well-behaved plugin: ADD returns a result for its interface (chained plugins pass
    /// `prevResult` through), VERSION lists 0.3.0–1.0.0, everything else succeeds silently.
    static func standard(_ call: Call) throws(CNIError) -> [UInt8] {
        switch call.command {
        case .add:
            if let prev = call.stdin["prevResult"] { return prev.serialized() }
            return result(version: call.stdin["cniVersion"]?.stringValue ?? "1.0.0",
                          ifName: call.environment["CNI_IFNAME"] ?? "eth0",
                          netns: call.environment["CNI_NETNS"] ?? "")
        case .version:
            return Array(#"{"cniVersion":"1.0.0","supportedVersions":["0.3.0","0.3.1","0.4.0","1.0.0"]}"#.utf8)
        default:
            return []
        }
    }

    /// A bridge-like result document.
    static func result(version: String, ifName: String, netns: String, address: String = "10.1.0.5/24") -> [UInt8] {
        let ipVersion = version.hasPrefix("0.") ? #""version":"4","# : ""
        return Array("""
        {"cniVersion":"\(version)","interfaces":[{"name":"cni0","mac":"aa:bb:cc:00:00:01"},{"name":"\(ifName)","mac":"aa:bb:cc:00:00:02","sandbox":"\(netns)"}],\
        "ips":[{\(ipVersion)"interface":1,"address":"\(address)","gateway":"10.1.0.1"}],"routes":[{"dst":"0.0.0.0/0"}],"dns":{}}
        """.utf8)
    }
}
