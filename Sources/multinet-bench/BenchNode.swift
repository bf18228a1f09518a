import Foundation
import MultinetCore
import MultinetJSON

/// The benchmark's node: a scratch directory with multinet's conflist and the pod network
/// (a `bridge` + `host-local` config, the same bytes multinet and the direct runs use),
/// bridges and network namespaces it creates and removes.
final class BenchNode: @unchecked Sendable {
    let root: String
    let cniPath = "/usr/lib/cni"
    let multinet: String
    let inspector: String
    let tag: String
    private let lock = NSLock()
    private var namespaces: [String] = []
    private var links: [String] = []

    init(binaries: String) throws {
        tag = String(UInt32.random(in: 0...0xFFFF), radix: 16)
        root = NSTemporaryDirectory() + "multinet-bench-\(tag)"
        multinet = binaries + "/multinet"
        inspector = binaries + "/multinet-inspect"
        for dir in [confDir, stateDir, ipamDir, binDir] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        try podnetList.write(toFile: confDir + "/10-podnet.conflist", atomically: true, encoding: .utf8)
    }

    var confDir: String { root + "/net.d" }
    var stateDir: String { root + "/state" }
    var ipamDir: String { root + "/ipam" }
    var binDir: String { root + "/bin" }
    var logFile: String { root + "/multinet.log" }
    var bridgePlugin: String { cniPath + "/bridge" }

    /// A bridge name of this run (tracked for removal).
    func bridge(_ index: Int) -> String {
        let name = "mnbench\(tag)\(index)"
        lock.withLock { links.append(name) }
        return name
    }

    /// The plugin keys of a bridge network with host-local addresses from `subnet`.
    func bridgeKeys(bridge: String, subnet: String) -> String {
        #""type":"bridge","bridge":"\#(bridge)","isGateway":true,"ipMasq":false,"ipam":{"type":"host-local","subnet":"\#(subnet)","dataDir":"\#(ipamDir)"}"#
    }

    /// The cluster default network (`podnet`): a /20, room for every pod of the run.
    lazy var podnetKeys = bridgeKeys(bridge: bridge(0), subnet: "10.250.96.0/20")
    var podnetList: String { #"{"cniVersion":"1.0.0","name":"podnet","plugins":[{\#(podnetKeys)}]}"# }
    /// The default network as a runtime calls `bridge` without multinet.
    var podnetDirect: String { #"{"cniVersion":"1.0.0","name":"podnet",\#(podnetKeys)}"# }

    /// multinet's stdin: its configuration, optionally with an apiserver and the pod's
    /// annotations as a CRI runtime passes them (`io.kubernetes.cri.pod-annotations`).
    func multinetConfig(kubeconfig: String? = nil, annotations: [String: String]? = nil, logLevel: String = "info",
                        logFile: String? = nil, operationMetrics: Bool = true) -> String {
        var object = JSONObject([
            ("cniVersion", .string("1.0.0")), ("name", .string("multinet")), ("type", .string("multinet")),
            ("confDir", .string(confDir)), ("stateDir", .string(stateDir)), ("binDir", .string(binDir)),
            ("logFile", .string(logFile ?? self.logFile)), ("logLevel", .string(logLevel)),
        ])
        if let kubeconfig { object["kubeconfig"] = .string(kubeconfig) }
        if !operationMetrics { object["operationMetrics"] = .bool(false) }
        if let annotations {
            let map = JSONObject(annotations.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })
            object["runtimeConfig"] = .object(JSONObject([(Multinet.podAnnotationsCapability, .object(map))]))
        }
        return JSONValue.object(object).jsonText
    }

    /// A fresh network namespace (removed by `cleanUp`).
    func namespace() throws -> String {
        let name = "mnbench-\(tag)-\(lock.withLock { namespaces.count })"
        try Self.shell(["ip", "netns", "add", name])
        lock.withLock { namespaces.append(name) }
        return "/var/run/netns/" + name
    }

    /// Removes namespaces, bridges and the scratch directory.
    func cleanUp(keepDirectory: Bool = false) {
        let (spaces, bridges) = lock.withLock { (namespaces, links) }
        for ns in spaces { try? Self.shell(["ip", "netns", "delete", ns]) }
        for link in Set(bridges) { try? Self.shell(["ip", "link", "delete", link]) }
        if !keepDirectory { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Runs a command (not timed) and fails with its stderr.
    static func shell(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw BenchError.failed("\(arguments.joined(separator: " ")): \(text)")
        }
    }
}
