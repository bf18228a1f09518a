import Foundation
import MultinetCheckpoint
import MultinetJSON

/// One simulated node for end-to-end tests: a conf dir with multinet's own conflist and a
/// bridge pod network (unique bridge name and subnet), a state dir, a host-local data dir,
/// an extra bin dir for test delegates, and the real `multinet` binary run as a runtime
/// runs it. `cleanUp()` removes the bridge, namespaces and directories.
public final class MultinetNode: @unchecked Sendable {
    /// The node's scratch directory.
    public let directory: TemporaryDirectory
    /// The pod network's bridge.
    public let bridge: String
    /// The pod network's subnet.
    public let subnet: String
    /// The pod network's name.
    public let networkName = "podnet"
    /// The runner for the multinet binary.
    public let runner: CNIPluginRunner
    private let lock = NSLock()
    private var namespaces: [NetworkNamespace] = []
    private var links: [String] = []

    /// Sets up the directories and writes `00-multinet.conflist` and `10-podnet.conflist`.
    public init(multinetCNIVersion: String = "1.0.0") throws {
        directory = try TemporaryDirectory(prefix: "multinet-e2e")
        bridge = HostNetwork.uniqueName(prefix: "mnbr")
        subnet = ConfigFixtures.uniqueSubnet()
        runner = try CNIPluginRunner.multinet()
        self.multinetCNIVersion = multinetCNIVersion
        _ = try directory.directory("net.d")
        _ = try directory.directory("bin")
        try writeConf("00-multinet.conflist", ConfigFixtures.multinetConflist(
            confDir: confDir, stateDir: stateDir, binDir: binDir, logFile: logFile, cniVersion: multinetCNIVersion))
        try writeConf("10-podnet.conflist", ConfigFixtures.bridgeConflist(
            name: networkName, bridge: bridge, subnet: subnet, dataDir: ipamDir))
    }

    /// The version multinet's own config declares.
    public let multinetCNIVersion: String
    /// The conf dir.
    public var confDir: String { directory.file("net.d") }
    /// The state dir (the checkpoint store).
    public var stateDir: String { directory.file("state") }
    /// The host-local data dir of the pod network.
    public var ipamDir: String { directory.file("ipam") }
    /// A bin dir for test delegates (multinet's `binDir`).
    public var binDir: String { directory.file("bin") }
    /// multinet's log file.
    public var logFile: String { directory.file("multinet.log") }
    /// The store's database file.
    public var databasePath: String { stateDir + "/multinet.db" }
    /// The pod network's host-local reservations.
    public var reservations: HostLocalReservations { HostLocalReservations(dataDir: ipamDir, network: networkName) }

    /// Writes a file into the conf dir.
    public func writeConf(_ name: String, _ text: String) throws {
        try text.write(toFile: confDir + "/" + name, atomically: true, encoding: .utf8)
    }

    /// Removes a file from the conf dir.
    public func removeConf(_ name: String) throws {
        try FileManager.default.removeItem(atPath: confDir + "/" + name)
    }

    /// Writes an executable test delegate into the bin dir.
    @discardableResult
    public func writeDelegate(_ name: String, script: String) throws -> String {
        let path = binDir + "/" + name
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    /// A fresh network namespace, deleted by `cleanUp()`.
    public func namespace() throws -> NetworkNamespace {
        let ns = try NetworkNamespace.create(prefix: "mnt")
        lock.withLock { namespaces.append(ns) }
        return ns
    }

    /// A host link to delete in `cleanUp()`.
    public func track(link: String) {
        lock.withLock { links.append(link) }
    }

    /// What the runtime puts on multinet's stdin.
    public func config(extra: KeyValuePairs<String, JSONValue> = [:]) -> String {
        ConfigFixtures.multinetPluginConfig(confDir: confDir, stateDir: stateDir, binDir: binDir, logFile: logFile,
                                            extra: extra, cniVersion: multinetCNIVersion)
    }

    /// The invocation a runtime makes for a pod.
    public func invocation(_ command: String, containerID: String, netns: String, ifname: String = "eth0",
                           pod: String = "web", config: String? = nil) -> RuntimeInvocation {
        RuntimeInvocation(command: command, containerID: containerID, netns: netns, ifname: ifname,
                          args: RuntimeInvocation.kubernetesArgs(namespace: "default", name: pod, uid: "uid-\(pod)", containerID: containerID),
                          cniPath: [RuntimeInvocation.debianPluginDirectory], config: config ?? self.config())
    }

    /// Runs multinet.
    public func run(_ command: String, containerID: String, netns: String, ifname: String = "eth0",
                    pod: String = "web", config: String? = nil) async throws -> CNIPluginResult {
        try await runner.run(invocation(command, containerID: containerID, netns: netns, ifname: ifname, pod: pod, config: config))
    }

    /// The store's records (opened read-write as the inspector does).
    public func records() throws -> [AttachmentRecord] {
        guard FileManager.default.fileExists(atPath: databasePath) else { return [] }
        return try CheckpointStore(directory: stateDir).allAttachments()
    }

    /// `PRAGMA integrity_check` through the real `sqlite3` command-line tool.
    public func integrityCheck() throws -> String {
        try Shell.run(["sqlite3", databasePath, "PRAGMA integrity_check;"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Deletes namespaces, the bridge, tracked links and the directory.
    public func cleanUp() {
        let (spaces, extra) = lock.withLock { (namespaces, links) }
        for ns in spaces { ns.delete() }
        for link in extra + [bridge] { HostNetwork.deleteLink(link) }
        directory.remove()
    }
}
