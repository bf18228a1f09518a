import MultinetCNI

extension MultinetConfig {
    /// Reads Multus's keys into ``multus`` and, for a Multus configuration (one with
    /// `clusterNetwork` or `delegates`), gives the keys it leaves out Multus's defaults:
    /// `confDir` `/etc/cni/multus/net.d`, `globalNamespaces` `["default"]`, `logLevel`
    /// `panic` (shown as `error`) and `logToStderr` `true`.
    ///
    /// - Throws: code 7 naming the key whose value is wrong.
    mutating func readMultusKeys(_ reader: ConfigReader) throws {
        var keys = MultusKeys()
        if let key = try reader.multusKey("clusterNetwork"), let network = try reader.networkReference(key) {
            keys.clusterNetwork = network
            if let key = try reader.multusKey("defaultNetworks") {
                keys.defaultNetworks = try reader.networkReferences(key) ?? []
            }
        } else if let key = try reader.multusKey("delegates"), let delegates = try reader.delegates(key), !delegates.isEmpty {
            keys.clusterNetwork = delegates[0]
            keys.additionalDelegates = Array(delegates.dropFirst())
        }
        if let key = try reader.multusKey("systemNamespaces") {
            keys.systemNamespaces = try reader.namespaces(key, commaSeparated: false) ?? keys.systemNamespaces
        }
        if let key = try reader.multusKey("multusNamespace") {
            keys.multusNamespace = try reader.namespace(key) ?? keys.multusNamespace
        }
        if let key = try reader.multusKey("readinessindicatorfile") {
            keys.readinessIndicatorFile = try reader.path(key)
        }
        if let key = try reader.multusKey("logToStderr") {
            keys.logToStderr = try reader.bool(key)
        }
        multus = keys
        guard keys.isMultusConfiguration else { return }
        if try reader.path("confDir") == nil { confDir = MultusKeys.defaultConfDir }
        if try reader.namespaces("globalNamespaces", commaSeparated: true) == nil {
            globalNamespaces = MultusKeys.defaultGlobalNamespaces
        }
        if try reader.logLevel("logLevel") == nil { logLevel = .error }
    }

    /// Where log lines go: `logFile` when set, and stderr when `logToStderr` is true, or
    /// when it is not set and there is no `logFile` (a Multus configuration's default is
    /// `true`, so there it is stderr as well). `logToStderr: false` without `logFile` logs nothing.
    public var logDestinations: [LogDestination] {
        var out: [LogDestination] = []
        if let logFile { out.append(.file(logFile)) }
        let stderr = multus.logToStderr ?? (multus.isMultusConfiguration || logFile == nil)
        if stderr { out.append(.stderr) }
        return out
    }
}
