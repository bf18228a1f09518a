import MultinetCNI

/// Why a selected or configured network cannot be turned into a configuration to run.
public enum ResolutionError: CNIErrorConvertible, CustomStringConvertible, Equatable {
    /// `namespaceIsolation` forbids the element's namespace (code 7).
    case namespaceNotAllowed(pod: String, annotation: String, element: Int, network: String, allowed: String)
    /// A network file named by a Multus key cannot be read (code 7 when it is missing, 5 otherwise).
    case fileUnreadable(key: String, path: String, missing: Bool, problem: String)
    /// A NAD without `spec.config`, and no file of its name (code 7).
    case noConfiguration(label: String, confDir: String, name: String)
    /// A thin alpha Network, and no file of its name (code 7).
    case thinNetworkWithoutFile(label: String, confDir: String, name: String)
    /// An alpha Network's `spec.plugin` is not a bare plugin name (code 7).
    case notAPluginName(label: String, plugin: String, problem: String)
    /// An alpha Network's `spec.plugin` is multinet (code 7).
    case selfPlugin(label: String, plugin: String)
    /// The selection sets a capability no plugin of the network declares (code 7).
    case capabilityNotDeclared(network: String, capability: String, plugins: [String])

    /// The CNI error the runtime sees.
    public var cniError: CNIError {
        let invalid = CNIErrorCode.invalidNetworkConfig
        switch self {
        case .namespaceNotAllowed(let pod, let annotation, let element, let network, let allowed):
            return CNIError(code: invalid,
                            msg: "pod \(pod): annotation \(annotation), element \(element) (\"\(network)\"): namespaceIsolation allows networks of namespaces \(allowed) only")
        case .fileUnreadable(let key, let path, let missing, let problem):
            return CNIError(code: missing ? invalid : CNIErrorCode.ioFailure,
                            msg: "\"\(key)\" \(path): cannot read the network configuration", details: problem)
        case .noConfiguration(let label, let confDir, let name):
            return CNIError(code: invalid,
                            msg: "\(label) has no spec.config, and \(confDir) holds no .conflist or .conf file whose \"name\" is \"\(name)\"")
        case .thinNetworkWithoutFile(let label, let confDir, let name):
            return CNIError(code: invalid,
                            msg: "\(label) is a thin network (no spec.plugin), and \(confDir) holds no configuration file whose \"name\" is \"\(name)\"")
        case .notAPluginName(let label, let plugin, let problem):
            return CNIError(code: invalid, msg: "\(label): spec.plugin \"\(plugin.prefix(64))\" is not a plugin name", details: problem)
        case .selfPlugin(let label, let plugin):
            return CNIError(code: invalid, msg: "\(label): spec.plugin \"\(plugin)\" is multinet itself; a network cannot delegate back to multinet")
        case .capabilityNotDeclared(let network, let capability, let plugins):
            return CNIError(code: invalid,
                            msg: "network \(network): the selection sets \"\(capability)\", but no plugin in its configuration (\(plugins.joined(separator: ", "))) declares the \"\(capability)\" capability")
        }
    }
}
