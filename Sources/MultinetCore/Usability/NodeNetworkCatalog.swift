import MultinetCNI
import MultinetKubeAPI
import MultinetPlanning

/// Which networks this node can attach, from its conf dir and bin dirs and the cluster's
/// NetworkAttachmentDefinitions and Networks.
///
/// Entries: every conf-dir file (kind `file`, named by its `name`, or by its file name when it
/// does not parse); every NAD, resolved like the plugin does (`spec.config`, else the
/// conf-dir file of the NAD's name); every alpha `Network` (thick: the `spec.plugin`
/// binary; thin: the conf-dir file of its name). Usability by ``NetworkUsability``; the
/// inspector's Networks view and the agent's node labels both read it.
public struct NodeNetworkCatalog: Sendable {
    /// The conf dir.
    public var confDir: String
    /// The rules, with the bin dirs and the (caching) version probe.
    public var usability: NetworkUsability

    /// A source over a conf dir, bin dirs and a version probe (keep one
    /// ``CachingVersionProbe`` for the process so each binary is asked once).
    public init(confDir: String, binDirs: [String], probe: any PluginVersionProbe) {
        self.confDir = confDir
        self.usability = NetworkUsability(binDirs: binDirs, probe: probe)
    }

    /// Every network of the conf dir, `nads` and `networks`, in that order, with its availability.
    public func networks(nads: [NetworkAttachmentDefinition], networks: [Network]) async -> [NetworkAvailability] {
        let directory = ConfDirectory(path: confDir, ownName: "")
        var rows: [NetworkAvailability] = []
        var files: [String: NetworkFile] = [:]
        do {
            for name in try directory.fileNames() {
                do {
                    let file = try directory.load(name)
                    // multinet's own configuration is not a network pods attach to.
                    if directory.isOwn(file.list) { continue }
                    if files[file.list.name] == nil { files[file.list.name] = file }
                    rows.append(await entry(file.list, name: file.list.name, namespace: nil, kind: .file))
                } catch {
                    rows.append(NetworkAvailability(name: name, namespace: nil, kind: .file, plugin: nil, cniVersion: nil,
                                                    problem: "config invalid: \(Self.message(CNIError(reporting: error)))"))
                }
            }
        } catch {
            // A missing conf dir only matters for networks that need a file: each says so.
        }
        for nad in nads {
            rows.append(await entry(nad, files: files))
        }
        for network in networks {
            rows.append(await entry(network, files: files))
        }
        return rows
    }

    private func entry(_ nad: NetworkAttachmentDefinition, files: [String: NetworkFile]) async -> NetworkAvailability {
        let name = nad.metadata.name
        let namespace = nad.metadata.namespace
        if let config = nad.config, !config.isEmpty {
            do throws(CNIError) {
                let list = try NetworkConfigList(parsing: Array(config.utf8),
                                                 source: "spec.config of \(nad.metadata.qualifiedName)", requireName: false)
                return await entry(list, name: name, namespace: namespace, kind: .networkAttachmentDefinition)
            } catch {
                return NetworkAvailability(name: name, namespace: namespace, kind: .networkAttachmentDefinition, plugin: nil,
                                       cniVersion: nil, problem: "config invalid: \(Self.message(error))")
            }
        }
        guard let file = files[name] else {
            return NetworkAvailability(name: name, namespace: namespace, kind: .networkAttachmentDefinition, plugin: nil,
                                       cniVersion: nil,
                                       problem: "config invalid: no spec.config and no file named \"\(name)\" in \(confDir)")
        }
        return await entry(file.list, name: name, namespace: namespace, kind: .networkAttachmentDefinition)
    }

    private func entry(_ network: Network, files: [String: NetworkFile]) async -> NetworkAvailability {
        let name = network.metadata.name
        let namespace = network.metadata.namespace
        if let plugin = network.plugin, !plugin.isEmpty {
            let problem = await usability.problem(ofThickPlugin: plugin)
            return NetworkAvailability(name: name, namespace: namespace, kind: .network, plugin: plugin, cniVersion: nil,
                                       problem: problem)
        }
        guard let file = files[name] else {
            return NetworkAvailability(name: name, namespace: namespace, kind: .network, plugin: nil, cniVersion: nil,
                                       problem: "config invalid: no spec.plugin and no file named \"\(name)\" in \(confDir)")
        }
        return await entry(file.list, name: name, namespace: namespace, kind: .network)
    }

    private func entry(_ list: NetworkConfigList, name: String, namespace: String?,
                       kind: NetworkAvailability.Kind) async -> NetworkAvailability {
        let problem = await usability.problem(of: list)
        return NetworkAvailability(name: name, namespace: namespace, kind: kind, plugin: list.pluginTypes.joined(separator: ","),
                                   cniVersion: list.cniVersionText.isEmpty ? nil : list.cniVersionText, problem: problem)
    }

    private static func message(_ error: CNIError) -> String {
        error.details.isEmpty ? error.msg : "\(error.msg) (\(error.details))"
    }
}
