import MultinetCNI
import MultinetJSON
import MultinetKubeAPI
import MultinetSystem

/// Turns a pod's selections into configurations (README, "Several networks per pod"): NetworkAttachmentDefinitions
/// by `spec.config` or the on-disk file of their name, alpha Networks as thin (the on-disk
/// file of their name) or thick (a template in `thickConfDir`, or a generated configuration).
///
/// Pure apart from reading the conf dirs: the apiserver objects are fetched by the caller.
public struct NetworkResolver: Sendable {
    /// The conf dir holding on-disk networks.
    public var confDirectory: ConfDirectory
    /// Where thick plugins' templates live.
    public var thickConfDir: String

    /// A resolver over a conf dir and a thick-template dir.
    public init(confDirectory: ConfDirectory, thickConfDir: String) {
        self.confDirectory = confDirectory
        self.thickConfDir = thickConfDir
    }

    /// The configuration of a NetworkAttachmentDefinition: `spec.config`, else the on-disk
    /// `.conflist` then `.conf` whose `name` is the NAD's name; `name` injected when missing.
    public func resolve(_ nad: NetworkAttachmentDefinition) throws -> NetworkDefinition {
        let name = nad.metadata.name
        let namespace = nad.metadata.namespace ?? ""
        let label = "NetworkAttachmentDefinition \(namespace)/\(name)"
        if let text = nad.config, !text.allSatisfy(\.isWhitespace) {
            var list = try NetworkConfigList(parsing: Array(text.utf8), source: "\(label): spec.config", requireName: false)
            if list.name.isEmpty { list.name = name }
            try list.refuseSelfDelegation(source: "\(label): spec.config")
            return NetworkDefinition(name: name, namespace: namespace, kind: NetworkAttachmentDefinition.resourceType.kind,
                                     list: list, source: "\(label) spec.config")
        }
        guard let file = try confDirectory.network(named: name, extensions: [".conflist", ".conf"]) else {
            throw ResolutionError.noConfiguration(label: label, confDir: confDirectory.path, name: name)
        }
        return NetworkDefinition(name: name, namespace: namespace, kind: NetworkAttachmentDefinition.resourceType.kind,
                                 list: file.list, source: file.path)
    }

    /// The configuration of an alpha Network: thin (empty `spec.plugin`) is the on-disk
    /// file whose `name` is the Network's; thick is `thickConfDir/<plugin>.conflist` or
    /// `.conf` with `name` injected, else `{name, type}` whose `cniVersion` the caller
    /// negotiates with the plugin (`VERSION`).
    public func resolve(_ network: Network) throws -> NetworkDefinition {
        let name = network.metadata.name
        let namespace = network.metadata.namespace ?? ""
        let label = "Network \(namespace)/\(name)"
        let kind = Network.resourceType.kind
        guard let plugin = network.plugin, !plugin.isEmpty else {
            guard let file = try confDirectory.network(named: name) else {
                throw ResolutionError.thinNetworkWithoutFile(label: label, confDir: confDirectory.path, name: name)
            }
            return NetworkDefinition(name: name, namespace: namespace, kind: kind, list: file.list, source: file.path)
        }
        if let problem = PluginName.problem(plugin) {
            throw ResolutionError.notAPluginName(label: label, plugin: plugin, problem: problem)
        }
        if plugin == Self.selfType {
            throw ResolutionError.selfPlugin(label: label, plugin: plugin)
        }
        let template = ConfDirectory(path: thickConfDir, ownName: "")
        for ext in [".conflist", ".conf"] {
            let fileName = plugin + ext
            let exists: Bool
            do {
                exists = try FileSystem.list(thickConfDir).contains(fileName)
            } catch {
                exists = false
            }
            guard exists else { continue }
            var file = try template.load(fileName, requireName: false)
            file.list.name = name
            try file.list.refuseSelfDelegation(source: "\(label): thick template \(file.path)")
            return NetworkDefinition(name: name, namespace: namespace, kind: kind, list: file.list, source: file.path)
        }
        let generated = NetworkConfigList(object: JSONObject([("name", .string(name))]),
                                          plugins: [JSONObject([("type", .string(plugin))])])
        return NetworkDefinition(name: name, namespace: namespace, kind: kind, list: generated,
                                 source: "\(label): generated for thick plugin \(plugin)")
    }

    /// The plugin type of multinet itself, which no resolved network may delegate to.
    public static let selfType = NetworkConfigList.multinetType
}
