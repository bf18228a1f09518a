import Foundation
import Glibc
import MultinetJSON
import MultinetKubeAPI
import MultinetTestSupport

/// A pod attached the way Multus v4.2.2 (thin) attaches it, on a ``MultinetNode`` that then
/// switched to multinet: its three networks ADDed by calling Debian's `bridge` directly with
/// the configuration, interface and `CNI_ARGS` Multus uses, Multus's cache entry written to
/// `<cniDir>/<containerID>` and libcni's results files to `<cniDir>/results/`, in the
/// sample's format (see ``MultusSample``).
///
/// - `dflt`, the cluster network: a conflist, on `eth0`;
/// - `default/storage`: a NetworkAttachmentDefinition's single configuration, on `net1`;
/// - `default/backend`: likewise, on `data0` with `macRequest` `02:00:00:00:00:2a`.
///
/// Every network has its own bridge and subnet; host-local keeps its reservations under the
/// node's IPAM dir.
struct MultusAttachedPod {
    /// One of the pod's networks.
    struct Network {
        /// The configuration's `name` (host-local's subdirectory, libcni's cache name).
        var name: String
        /// The entry's `Name` (`namespace/name` for NADs).
        var qualifiedName: String
        var ifName: String
        var bridge: String
        var subnet: String
        /// The exact configuration Multus sent (`Bytes`).
        var config: String
        var ifnameRequest: String?
        var macRequest: String?
    }

    static let backendMAC = "02:00:00:00:00:2a"

    let node: MultinetNode
    let ns: NetworkNamespace
    let id: String
    let cniDir: String
    let networks: [Network]

    /// `CNI_ARGS` the runtime passes for the pod.
    var runtimeArgs: String {
        RuntimeInvocation.kubernetesArgs(namespace: "default", name: "web", uid: "uid-web", containerID: id)
    }
    /// `<cniDir>/<containerID>`.
    var entryPath: String { cniDir + "/" + id }
    /// `<cniDir>/results`.
    var resultsDirectory: String { cniDir + "/results" }

    /// Attaches the three networks and writes Multus's and libcni's files.
    static func attach(on node: MultinetNode) async throws -> MultusAttachedPod {
        let cniDir = try node.directory.directory("multus")
        chmod(cniDir, 0o700)
        _ = try node.directory.directory("multus/results")
        let ns = try node.namespace()
        let id = RuntimeInvocation.randomContainerID()
        var networks: [Network] = []
        for (name, qualified, ifName) in [("dflt", "dflt", "eth0"), ("storage", "default/storage", "net1"),
                                          ("backend", "default/backend", "data0")] {
            let bridge = HostNetwork.uniqueName(prefix: "mub")
            node.track(link: bridge)
            let subnet = ConfigFixtures.uniqueSubnet()
            let config = name == "dflt"
                ? ConfigFixtures.bridgeConflist(name: name, bridge: bridge, subnet: subnet, dataDir: node.ipamDir)
                : ConfigFixtures.bridgeConf(name: name, bridge: bridge, subnet: subnet, dataDir: node.ipamDir)
            networks.append(Network(name: name, qualifiedName: qualified, ifName: ifName, bridge: bridge, subnet: subnet,
                                    config: config, ifnameRequest: name == "backend" ? "data0" : nil,
                                    macRequest: name == "backend" ? backendMAC : nil))
        }
        let pod = MultusAttachedPod(node: node, ns: ns, id: id, cniDir: cniDir, networks: networks)
        try pod.writeEntry(pod.entry())
        for network in networks { try await pod.add(network) }
        return pod
    }

    /// `CNI_ARGS` as Multus builds them for a delegate (written out here, independently of
    /// multinet's code): `IgnoreUnknown=true`, the pod's four `K8S_POD_*` values, the
    /// runtime's pairs, and on ADD `MAC` for a `macRequest`.
    func multusArgs(for network: Network, add: Bool) -> String {
        var args = "IgnoreUnknown=true;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web;K8S_POD_INFRA_CONTAINER_ID=\(id);K8S_POD_UID=uid-web;" + runtimeArgs
        if add, let mac = network.macRequest { args += ";MAC=" + mac }
        return args
    }

    /// What libcni puts on the bridge's stdin for a network's ADD or DEL.
    func stdin(for network: Network, prevResult: JSONValue? = nil) throws -> String {
        if network.name == "dflt" {
            return try ConfigFixtures.pluginConfig(fromConflist: network.config, prevResult: prevResult)
        }
        guard var object = try JSONValue(parsing: network.config).objectValue else { return network.config }
        if let prevResult { object["prevResult"] = prevResult }
        return JSONValue.object(object).jsonText
    }

    private func add(_ network: Network) async throws {
        let args = multusArgs(for: network, add: true)
        let result = try await CNIPluginRunner.plugin("bridge").run(RuntimeInvocation.add(
            containerID: id, netns: ns.path, ifname: network.ifName, args: args, config: try stdin(for: network)))
            .requireSuccess()
        let text = MultusCacheFixtures.resultsFile(
            containerID: id, network: network.name, ifName: network.ifName, netns: ns.path, config: network.config,
            cniArgs: args, capabilityArgs: network.macRequest.map { JSONObject([("mac", .string($0))]) } ?? JSONObject(),
            result: result.jsonValue ?? .null)
        try write(resultsPath(network), text)
    }

    /// The cache entry Multus writes for the pod, with `transform` applied to its elements.
    func entry(_ transform: (inout [JSONValue]) throws -> Void = { _ in }) rethrows -> String {
        var elements = networks.map {
            MultusCacheFixtures.delegate(name: $0.qualifiedName, config: $0.config, ifnameRequest: $0.ifnameRequest,
                                         macRequest: $0.macRequest)
        }
        try transform(&elements)
        return MultusCacheFixtures.entry(elements)
    }

    /// Writes `<cniDir>/<containerID>` (mode 0600, as Multus does).
    func writeEntry(_ text: String) throws {
        try? FileManager.default.removeItem(atPath: entryPath)
        try write(entryPath, text)
    }

    private func write(_ path: String, _ text: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
    }

    /// libcni's results file of a network.
    func resultsPath(_ network: Network) -> String {
        resultsDirectory + "/" + MultusCacheFixtures.resultsFileName(network: network.name, containerID: id, ifName: network.ifName)
    }

    /// The network named `name`.
    func network(_ name: String) -> Network {
        networks.first { $0.name == name }!
    }

    /// host-local's reservations of a network.
    func reservations(_ network: Network) -> HostLocalReservations {
        HostLocalReservations(dataDir: node.ipamDir, network: network.name)
    }

    /// The addresses the pod holds in each network, by network name.
    func heldAddresses() throws -> [String: Int] {
        var out: [String: Int] = [:]
        for network in networks { out[network.name] = try reservations(network).held(by: id).count }
        return out
    }

    /// The multinet configuration of the node with `cniDir` pointing at the pod's cache dir.
    func multinetConfig() -> String {
        node.config(extra: ["cniDir": .string(cniDir)])
    }

    /// Runs multinet's DEL for the pod, as the runtime would.
    func multinetDel() async throws -> CNIPluginResult {
        try await node.runner.run(RuntimeInvocation.del(containerID: id, netns: ns.path, ifname: "eth0",
                                                        args: runtimeArgs, config: multinetConfig()))
    }

    /// DELs every network directly with the bridge (what is left after a test that expected
    /// leftovers), so nothing leaks from the test.
    func tearDownDirectly() async {
        for network in networks.reversed() {
            _ = try? await CNIPluginRunner.plugin("bridge").run(RuntimeInvocation.del(
                containerID: id, netns: ns.path, ifname: network.ifName, args: multusArgs(for: network, add: false),
                config: (try? stdin(for: network)) ?? network.config))
        }
    }
}
