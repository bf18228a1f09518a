import Foundation
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport

/// The setting of the Multus-key end-to-end tests, on a ``MultinetCluster``: multinet's
/// configuration in the shape of Multus v4.2.2's thin `00-multus.conf` with `"type":
/// "multinet"` (`clusterNetwork` naming the node's `podnet` file network, `cniDir`,
/// `binDir`, `logLevel: error`, the kubeconfig), and two more bridge networks, `storage`
/// and `backend`, each with its own bridge, subnet and host-local data dir, whose
/// configurations are written as the sample's NADs write them (no `name`).
struct MultusSetting {
    /// A bridge network of the setting.
    struct BridgeNetwork {
        let name: String
        let bridge: String
        let subnet: String
        let dataDir: String

        /// The NAD's `spec.config`: one bridge plugin, no `name`.
        var nadConfig: String {
            var object = JSONObject([("cniVersion", .string("1.0.0"))])
            for (key, value) in ConfigFixtures.bridgePlugin(bridge: bridge, subnet: subnet, dataDir: dataDir) { object[key] = value }
            return JSONValue.object(object).jsonText
        }

        /// The network as an inline `delegates` entry (a conflist object with its name).
        var inlineConflist: JSONValue {
            (try? JSONValue(parsing: ConfigFixtures.bridgeConflist(name: name, bridge: bridge, subnet: subnet, dataDir: dataDir))) ?? .null
        }

        /// Its host-local reservations.
        var reservations: HostLocalReservations { HostLocalReservations(dataDir: dataDir, network: name) }
    }

    let cluster: MultinetCluster
    let storage: BridgeNetwork
    let backend: BridgeNetwork

    init(_ cluster: MultinetCluster) throws {
        self.cluster = cluster
        func network(_ name: String) throws -> BridgeNetwork {
            let bridge = HostNetwork.uniqueName(prefix: "mnmu")
            cluster.node.track(link: bridge)
            return BridgeNetwork(name: name, bridge: bridge, subnet: ConfigFixtures.uniqueSubnet(),
                                 dataDir: try cluster.node.directory.directory("ipam-\(name)"))
        }
        storage = try network("storage")
        backend = try network("backend")
    }

    /// Seeds a NAD named `name` in `namespace` with the configuration of `network`.
    func seedNAD(_ name: String, namespace: String = "default", of network: BridgeNetwork) throws {
        try cluster.server.seed(KubeObjects.networkAttachmentDefinition(name: name, namespace: namespace, config: network.nadConfig))
    }

    /// The configuration on stdin: the sample `00-multus.conf` keys with `type` multinet
    /// (and `stateDir`, to keep the test's store apart), then `keys`; a `null` removes a key.
    func config(_ keys: KeyValuePairs<String, JSONValue> = [:]) -> String {
        let node = cluster.node
        var object = JSONObject([
            ("cniVersion", .string("0.3.1")), ("name", .string("multus-cni-network")), ("type", .string("multinet")),
            ("kubeconfig", .string(cluster.kubeconfig)), ("confDir", .string(node.confDir)),
            ("cniDir", .string(node.directory.file("multus"))), ("binDir", .string(RuntimeInvocation.debianPluginDirectory)),
            ("clusterNetwork", .string(node.networkName)), ("logLevel", .string("error")),
            ("stateDir", .string(node.stateDir)),
        ])
        for (key, value) in keys { object[key] = value == .null ? nil : value }
        return JSONValue.object(object).jsonText
    }

    /// Every host-local data dir in play.
    var dataDirs: [String] { [cluster.node.ipamDir, storage.dataDir, backend.dataDir] }

    /// DEL of the container, then: no interface in the pod, no reservation, no record.
    func tearDown(_ id: String, _ ns: NetworkNamespace, config: String) async throws -> (ok: Bool, detail: String) {
        let del = try await cluster.run("DEL", containerID: id, netns: ns.path, config: config)
        let links = try ns.linksBesidesLoopback()
        let left = try cluster.reservations(in: dataDirs)
        let records = try cluster.records(of: id)
        return (del.succeeded && links.isEmpty && left.isEmpty && records.isEmpty,
                "DEL: \(del.summary); links \(links); reservations \(left); records \(records.count)")
    }
}
