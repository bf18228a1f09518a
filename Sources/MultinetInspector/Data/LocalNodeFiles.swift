import MultinetCore

/// The conf dir and bin dirs of this node: the rows of the Networks view, as the core's
/// ``NodeNetworkCatalog`` finds them (the agent's node labels read the same catalog).
public struct LocalNodeFiles: NodeFilesSource {
    /// What decides which networks are usable here.
    public var catalog: NodeNetworkCatalog

    /// A source over a conf dir, bin dirs and a version probe (keep one
    /// ``CachingVersionProbe`` for the process so each binary is asked once).
    public init(confDir: String, binDirs: [String], probe: any PluginVersionProbe) {
        catalog = NodeNetworkCatalog(confDir: confDir, binDirs: binDirs, probe: probe)
    }

    public func networks(for cluster: ClusterReading) async -> [NetworkRow] {
        await catalog.networks(nads: cluster.networkAttachmentDefinitions, networks: cluster.networks).map { entry in
            NetworkRow(name: entry.name, namespace: entry.namespace, kind: entry.kind, plugin: entry.plugin,
                       cniVersion: entry.cniVersion, usable: entry.usable, problem: entry.problem)
        }
    }
}
