import MultinetCNI
import MultinetJSON

/// multinet's own configuration: the network configuration the runtime passes on stdin,
/// normally from `/etc/cni/net.d/00-multinet.conflist` (README, "Configuration reference").
public struct MultinetConfig: Sendable, Equatable {
    /// The version the runtime speaks; results are converted to it.
    public var cniVersion: CNIVersion
    /// The name of multinet's own network (its list's `name`).
    public var name: String
    /// kubeconfig for the apiserver, if any.
    public var kubeconfig: String?
    /// Where on-disk network configurations live.
    public var confDir: String = "/etc/cni/net.d"
    /// Extra directories searched for delegates after `CNI_PATH`.
    public var binDir: [String] = ["/opt/cni/bin"]
    /// Where the checkpoint store lives.
    public var stateDir: String = "/var/lib/multinet"
    /// Templates for thick plugins.
    public var thickConfDir: String = "/etc/cni/multinet.d"
    /// Multus's cache directory, read on DEL of containers multinet has no record of.
    public var cniDir: String = "/var/lib/cni/multus"
    /// The on-disk network used as default, by name; `nil` = the first file in `confDir`.
    public var defaultNetwork: String?
    /// Whether pods may only use networks of their own namespace (and `globalNamespaces`).
    public var namespaceIsolation = false
    /// Namespaces whose networks every pod may use.
    public var globalNamespaces: [String] = []
    /// Log destination; `nil` = stderr.
    public var logFile: String?
    /// Log threshold.
    public var logLevel: LogLevel = .warn
    /// One delegate call's limit.
    public var delegateTimeoutSeconds: Double = 120
    /// One apiserver request's limit.
    public var apiTimeoutSeconds: Double = 10
    /// Whether each operation's outcome and duration is recorded in the store for the node
    /// agent's metrics (no extra fsync; `false` skips even that).
    public var operationMetrics = true
    /// The runtime's `runtimeConfig` (capability arguments such as `portMappings`).
    public var runtimeConfig = JSONObject()
    /// `prevResult` when multinet runs chained after another plugin.
    public var prevResult: JSONValue?
    /// The whole configuration object, for keys read by a single command (GC's valid attachments).
    public var raw = JSONObject()
    /// Multus's keys (`clusterNetwork`, `defaultNetworks`, `delegates`, …), read with Multus's meaning.
    public var multus = MultusKeys()

    /// The largest stdin configuration accepted.
    public static let maximumConfigBytes = 4 << 20

    /// Log thresholds, most severe first.
    public enum LogLevel: String, Sendable, CaseIterable, Comparable {
        /// Only errors.
        case error
        /// Errors and warnings.
        case warn
        /// Also one line per operation.
        case info
        /// Everything, including delegate stderr and timings.
        case debug

        private var rank: Int { LogLevel.allCases.firstIndex(of: self)! }
        public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }
    }

    /// A configuration with defaults for everything but the version and name.
    public init(cniVersion: CNIVersion, name: String) {
        self.cniVersion = cniVersion
        self.name = name
    }

    /// Parses and validates the stdin configuration. Errors name the field at fault.
    public init(parsing bytes: [UInt8]) throws {
        guard bytes.count <= Self.maximumConfigBytes else {
            throw ConfigError.tooLarge(bytes: bytes.count, limit: Self.maximumConfigBytes)
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw ConfigError.notJSON(problem: error.description)
        }
        guard let object = value.objectValue else {
            throw ConfigError.notObject(kind: value.kindName)
        }
        let reader = ConfigReader(object: object)
        let versionText = try reader.string("cniVersion") ?? ""
        guard let version = CNIVersion(versionText), version.isSupported else {
            throw ConfigError.unsupportedVersion(versionText)
        }
        self.init(cniVersion: version, name: try reader.string("name") ?? "multinet")
        raw = object
        kubeconfig = try reader.path("kubeconfig")
        confDir = try reader.path("confDir") ?? confDir
        stateDir = try reader.path("stateDir") ?? stateDir
        thickConfDir = try reader.path("thickConfDir") ?? thickConfDir
        cniDir = try reader.path("cniDir") ?? cniDir
        if let bins = try reader.pathList("binDir") { binDir = bins }
        defaultNetwork = try reader.string("defaultNetwork")
        namespaceIsolation = try reader.bool("namespaceIsolation") ?? false
        globalNamespaces = try reader.namespaces("globalNamespaces", commaSeparated: true) ?? []
        logFile = try reader.path("logFile")
        logLevel = try reader.logLevel("logLevel") ?? logLevel
        delegateTimeoutSeconds = try reader.seconds("delegateTimeoutSeconds") ?? delegateTimeoutSeconds
        apiTimeoutSeconds = try reader.seconds("apiTimeoutSeconds") ?? apiTimeoutSeconds
        operationMetrics = try reader.bool("operationMetrics") ?? true
        if let rc = object["runtimeConfig"] {
            guard let rcObject = rc.objectValue else {
                throw ConfigError.wrongType(key: "runtimeConfig", expected: "an object", kind: rc.kindName)
            }
            runtimeConfig = rcObject
        }
        prevResult = object["prevResult"]
        try readMultusKeys(reader)
    }
}
