import MultinetCNI
import MultinetJSON

/// The plugin skeleton (libcni's `skel`): validates the environment and stdin, dispatches
/// to one ``CNIPlugin`` function per command, and turns the outcome into stdout and an exit
/// code. Nothing but the result or the error is ever printed on stdout.
public enum CNIDispatcher {
    /// What to print and how to exit.
    public struct Outcome: Sendable, Equatable {
        /// The bytes for stdout: a result, a version document, an error, or nothing.
        public var stdout: [UInt8]
        /// The process exit code.
        public var exitCode: Int32
    }

    /// Runs one invocation.
    ///
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - stdin: the configuration bytes.
    ///   - makePlugin: builds the plugin once the configuration is known (it chooses the log file).
    public static func run(environment: [String: String], stdin: [UInt8],
                           makePlugin: (MultinetConfig) -> any CNIPlugin) async -> Outcome {
        let requestedVersion = loosePeek(stdin)
        do {
            let env = try CNIEnvironment(environment)
            if env.command == .version { return versionOutcome(requested: requestedVersion) }
            let config = try MultinetConfig(parsing: stdin)
            let plugin = makePlugin(config)
            let request = CNIRequest(environment: env, config: config)
            switch env.command {
            case .add:
                let result = try await plugin.add(request)
                return Outcome(stdout: result.serialized() + [0x0A], exitCode: 0)
            case .del: try await plugin.del(request)
            case .check: try await plugin.check(request)
            case .status: try await plugin.status(request)
            case .gc: try await plugin.gc(request)
            case .version: return versionOutcome(requested: requestedVersion)
            }
            return Outcome(stdout: [], exitCode: 0)
        } catch {
            return errorOutcome(CNIError(reporting: error), version: requestedVersion)
        }
    }

    /// The document for an error, in the version the caller asked for when it is one multinet speaks.
    public static func errorOutcome(_ error: CNIError, version: CNIVersion?) -> Outcome {
        let v = version.flatMap { $0.isSupported ? $0 : nil } ?? .latest
        return Outcome(stdout: error.json(cniVersion: v).serialized() + [0x0A], exitCode: 1)
    }

    static func versionOutcome(requested: CNIVersion?) -> Outcome {
        var object = JSONObject()
        object["cniVersion"] = .string((requested.flatMap { $0.isSupported ? $0 : nil } ?? .latest).description)
        object["supportedVersions"] = .array(CNIVersion.supported.map { .string($0.description) })
        return Outcome(stdout: JSONValue.object(object).serialized() + [0x0A], exitCode: 0)
    }

    /// The `cniVersion` of a configuration that may be invalid, for answering in its version.
    package static func loosePeek(_ stdin: [UInt8]) -> CNIVersion? {
        guard stdin.count <= MultinetConfig.maximumConfigBytes,
              let json = try? JSONValue(parsing: stdin),
              let text = json["cniVersion"]?.stringValue else { return nil }
        return CNIVersion(text)
    }
}
