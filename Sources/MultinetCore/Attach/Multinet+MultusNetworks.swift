import Logging
import MultinetCNI
import MultinetModel
import MultinetPlanning

extension Multinet {
    /// One network a Multus key names (`clusterNetwork`, `defaultNetworks`, `delegates`),
    /// resolved as Multus's `getNetDelegate` resolves it:
    ///
    /// - an inline delegate is its own configuration;
    /// - an absolute path is that file, or the first configuration file of that directory;
    /// - `namespace/name` is that NetworkAttachmentDefinition;
    /// - a bare name is the NetworkAttachmentDefinition of that name in `multusNamespace`
    ///   when the apiserver has one, else the file in `confDir` whose network `name` it is.
    ///   When the NAD cannot be read (no apiserver configured, the apiserver failing, a NAD
    ///   whose configuration is broken), the file is used if there is one, as Multus falls
    ///   back to it; the failure is logged.
    static func resolve(_ network: MultusNetwork, access: (any KubeAccess)?, resolver: NetworkResolver,
                        config: MultinetConfig, logger: Logger) async throws -> NetworkDefinition {
        switch network.reference {
        case .inline(let list):
            return NetworkDefinition(name: list.name, namespace: "", kind: "inline", list: list,
                                     source: "multinet configuration \"\(network.key)\"")
        case .path(let path):
            return try resolver.resolve(path: path, ownName: config.name, key: network.key)
        case .object(let namespace, let name):
            guard let access else {
                throw PlanFailure.noAPIServerForObject(namespace: namespace, name: name)
            }
            guard let nad = try await access.networkAttachmentDefinition(namespace: namespace, name: name) else {
                throw PlanFailure.attachmentDefinitionMissing(qualifiedName: "\(namespace)/\(name)")
            }
            return try resolver.resolve(nad)
        case .name(let name):
            let namespace = config.multus.multusNamespace
            var nadProblem = "multinet has no apiserver to look up NetworkAttachmentDefinition \(namespace)/\(name)"
            if let access, KubeNames.subdomainProblem(name) == nil {
                do {
                    if let nad = try await access.networkAttachmentDefinition(namespace: namespace, name: name) {
                        return try resolver.resolve(nad)
                    }
                    nadProblem = "NetworkAttachmentDefinition \(namespace)/\(name) does not exist"
                } catch {
                    if let file = try fileNetwork(name, resolver: resolver, logger: logger) {
                        logger.warning("the NetworkAttachmentDefinition could not be read; using the configuration file of that name, as Multus does",
                                       metadata: ["key": .string(network.key), "file": .string(file.path),
                                                  "error": .string(String(describing: error))])
                        return definition(file)
                    }
                    throw error
                }
            } else if access != nil {
                nadProblem = "\"\(name)\" cannot be a NetworkAttachmentDefinition name"
            }
            guard let file = try fileNetwork(name, resolver: resolver, logger: logger) else {
                throw PlanFailure.noNetworkFile(problem: nadProblem, confDir: resolver.confDirectory.path, name: name)
            }
            return definition(file)
        }
    }

    private static func fileNetwork(_ name: String, resolver: NetworkResolver, logger: Logger) throws -> NetworkFile? {
        try resolver.confDirectory.firstNetwork(named: name) { file, error in
            logger.warning("skipping an unusable network configuration file",
                           metadata: ["file": .string(file), "error": .string(error.description)])
        }
    }

    private static func definition(_ file: NetworkFile) -> NetworkDefinition {
        NetworkDefinition(name: file.list.name, namespace: "", kind: "file", list: file.list, source: file.path)
    }

    /// The cluster network as far as the node alone can tell, for commands that never
    /// contact the apiserver (DEL of a container without records, STATUS): the inline
    /// delegate, the file or directory named by path, or the file named by `clusterNetwork`;
    /// `nil` when only a NetworkAttachmentDefinition could say.
    func localClusterNetwork(_ network: MultusNetwork, config: MultinetConfig) throws -> NetworkFile? {
        let resolver = NetworkResolver(confDirectory: confDirectory(config), thickConfDir: config.thickConfDir)
        switch network.reference {
        case .inline(let list):
            return NetworkFile(path: "multinet configuration \"\(network.key)\"", list: list)
        case .path(let path):
            let definition = try resolver.resolve(path: path, ownName: config.name, key: network.key)
            return NetworkFile(path: definition.source, list: definition.list)
        case .name(let name):
            return try Self.fileNetwork(name, resolver: resolver, logger: logger)
        case .object:
            return nil
        }
    }
}
