import Foundation
import KubeAPIServerDouble
import MultinetCheckpoint
import MultinetJSON
import MultinetTestSupport

/// Annotation keys of the two selection dialects.
enum Dialect {
    static let npwg = "k8s.v1.cni.cncf.io/networks"
    static let alpha = "alpha.network.k8s.io/networks"
}

/// The NPWG setting shared by several tests, on a ``MultinetCluster``:
/// - the cluster default network `podnet` (the node's bridge) on `eth0`;
/// - NAD `default/macnet` whose `spec.config` is a macvlan (mode bridge) on a host veth,
///   host-local in its own subnet and data dir, and *no* `name` (multinet injects it);
/// - NAD `default/othernet` without `spec.config`, resolved to `20-othernet.conflist` in the
///   conf dir (another bridge, own subnet and data dir), selected as `othernet@eth5`.
///
/// `chained` appends a plugin to the network at `position` (1 podnet, 2 macnet, 3 othernet),
/// after its real plugin: fault-injection tests put a misbehaving delegate there.
struct NPWGNetworks {
    /// The selection annotation's value: macnet on net1, othernet on eth5.
    static let selection = "macnet, othernet@eth5"

    let cluster: MultinetCluster
    /// The host-side veth the macvlan network hangs off.
    let macvlanMaster: String
    let macSubnet: String
    let macDataDir: String
    let otherSubnet: String
    let otherDataDir: String

    /// The networks in attach order, with their interfaces: `(network, interface)`.
    static let attachOrder = [("podnet", "eth0"), ("macnet", "net1"), ("othernet", "eth5")]

    init(_ cluster: MultinetCluster, chained: JSONObject? = nil, atPosition position: Int = 0) throws {
        self.cluster = cluster
        let node = cluster.node
        /// The plugins of the network at `index` (1-based), with the chained one appended there.
        func plugins(_ index: Int, _ own: JSONObject) -> [JSONObject] {
            [own] + (index == position ? chained.map { [$0] } ?? [] : [])
        }
        if position == 1, let chained {
            try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: node.networkName, plugins: [
                ConfigFixtures.bridgePlugin(bridge: node.bridge, subnet: node.subnet, dataDir: node.ipamDir), chained,
            ]))
        }
        let parent = HostNetwork.uniqueName(prefix: "mnvp")
        try HostNetwork.createVethPair(parent, HostNetwork.uniqueName(prefix: "mnvq"))
        node.track(link: parent)
        macvlanMaster = parent
        macSubnet = ConfigFixtures.uniqueSubnet()
        macDataDir = try node.directory.directory("ipam-macnet")
        let macvlanPlugin = JSONObject([
            ("type", .string("macvlan")),
            ("master", .string(parent)),
            ("mode", .string("bridge")),
            ("ipam", ConfigFixtures.hostLocalIPAM(subnet: macSubnet, dataDir: macDataDir)),
        ])
        var macvlanConfig = JSONObject([("cniVersion", .string("1.0.0"))])
        if position == 2 {
            macvlanConfig["plugins"] = .array(plugins(2, macvlanPlugin).map { .object($0) })
        } else {
            for (key, value) in macvlanPlugin { macvlanConfig[key] = value }
        }
        let macvlan = JSONValue.object(macvlanConfig).jsonText
        try cluster.server.seed(KubeObjects.networkAttachmentDefinition(name: "macnet", config: macvlan),
                                KubeObjects.networkAttachmentDefinition(name: "othernet"))
        let otherBridge = HostNetwork.uniqueName(prefix: "mnob")
        node.track(link: otherBridge)
        otherSubnet = ConfigFixtures.uniqueSubnet()
        otherDataDir = try node.directory.directory("ipam-othernet")
        let otherPlugin = ConfigFixtures.bridgePlugin(bridge: otherBridge, subnet: otherSubnet, dataDir: otherDataDir)
        try node.writeConf("20-othernet.conflist", ConfigFixtures.conflist(
            name: "othernet", plugins: plugins(3, otherPlugin)))
    }

    /// Every host-local data dir in play.
    var dataDirs: [String] { [cluster.node.ipamDir, macDataDir, otherDataDir] }
}

extension MultinetCluster {
    /// Every reservation in any network under any of `dataDirs`.
    func reservations(in dataDirs: [String]) throws -> [HostLocalReservations.Reservation] {
        try dataDirs.flatMap { try HostLocalReservations.everything(under: $0) }
    }

    /// The store's records of one container, in attach order.
    func records(of containerID: String) throws -> [AttachmentRecord] {
        try node.records().filter { $0.containerID == containerID }.sorted { $0.position < $1.position }
    }
}

extension NetworkNamespace {
    /// The links other than `lo`, sorted.
    func linksBesidesLoopback() throws -> [String] {
        try links().filter { $0 != "lo" }.sorted()
    }
}

/// Reads `key` of a recorded config: the top level, else the first plugin of a conflist.
func recordedConfigValue(_ record: AttachmentRecord?, _ key: String) -> JSONValue? {
    guard let record, let json = try? JSONValue(parsing: record.config) else { return nil }
    return json[key] ?? json["plugins"]?.arrayValue?.first?[key]
}
