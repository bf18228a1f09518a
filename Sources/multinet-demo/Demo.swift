import ArgumentParser
import Foundation
import KubeAPIServerDouble
import MultinetCNI
import MultinetCheckpoint
import MultinetJSON

/// The steps of the demo, each printed as it runs.
struct Demo {
    let cniPath: String
    let root: String
    let bridge: String
    let subnet = "10.250.77.0/24"
    /// Everything the demo creates, removed on exit and on Ctrl-C.
    let resources: DemoResources
    var namespaces: [String] { resources.namespaces }
    let multinet: String
    /// The `multinet-inspect` the demo opens on its node.
    let inspector: String
    /// The apiserver stand-in the multi-network pod's objects live in.
    var server: KubeAPIServer?

    /// Whether the plugins are the simulated stand-in (no root or no Debian plugins here).
    let simulated: Bool

    init(cniPath: String, forceSimulation: Bool = false) throws {
        self.cniPath = cniPath
        let reasons = forceSimulation ? ["--simulate was given"] : Self.simulationReasons(cniPath: cniPath)
        simulated = !reasons.isEmpty
        let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
            .resolvingSymlinksInPath().deletingLastPathComponent()
        multinet = exe.appendingPathComponent("multinet").path
        inspector = exe.appendingPathComponent("multinet-inspect").path
        for (binary, what) in [(multinet, "the plugin binary"), (inspector, "the inspector binary")]
        where !FileManager.default.isExecutableFile(atPath: binary) {
            FileHandle.standardError.write(Data("multinet-inspect demo cannot run: \(what) \(binary) is missing (build it with `swift build`)\n".utf8))
            throw ExitCode(2)
        }
        if simulated {
            print("""
                SIMULATED DEMO: \(reasons.joined(separator: "; ")).
                The real multinet binary, store and apiserver double run as usual, but every network's plugin is
                `demo-sim`, a stand-in that configures nothing, and no network namespace is created. Run as root
                with Debian's containernetworking-plugins (scripts/setup-machine) for the real thing.
                """)
        }
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        root = NSTemporaryDirectory() + "multinet-demo-\(tag)"
        bridge = "mndemo\(tag.prefix(6))"
        resources = DemoResources(root: root)
        if !simulated { resources.add(link: bridge) }
    }

    var confDir: String { root + "/net.d" }
    var stateDir: String { root + "/state" }
    var ipamDir: String { root + "/ipam" }
    var kubeconfig: String { root + "/kubeconfig.json" }

    func say(_ text: String) { print("\n\u{25B6} \(simulated ? "[simulated] " : "")\(text)") }

    mutating func run() async throws {
        try FileManager.default.createDirectory(atPath: confDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: binDir, withIntermediateDirectories: true)
        if simulated { try installSimulatedPlugin() }
        let multinetConf = #"{"cniVersion":"1.0.0","name":"multinet","plugins":[{"type":"multinet","confDir":"\#(confDir)","stateDir":"\#(stateDir)","binDir":"\#(root)/bin","logFile":"\#(root)/multinet.log","logLevel":"info"}]}"#
        let podnet = #"{"cniVersion":"1.0.0","name":"podnet","plugins":[{\#(pluginKeys(bridge: bridge, subnet: subnet, gateway: true))}]}"#
        try multinetConf.write(toFile: confDir + "/00-multinet.conflist", atomically: true, encoding: .utf8)
        try podnet.write(toFile: confDir + "/10-podnet.conflist", atomically: true, encoding: .utf8)
        say("conf dir \(confDir): multinet's own config first, the node's pod network second")
        print("  00-multinet.conflist  \(multinetConf)")
        print("  10-podnet.conflist    \(podnet)")

        let pods = [("web-0", "c0ffee0001"), ("db-0", "c0ffee0002")]
        for (pod, id) in pods {
            let ns = "mndemo-\(id)"
            try addNamespace(ns)
            say("ADD pod default/\(pod) (container \(id)) in netns \(ns), as the container runtime calls it")
            let out = try cni("ADD", id: id, pod: pod, netns: ns)
            let result = try JSONValue(parsing: Array(out.utf8))
            let ips = result["ips"]?.arrayValue?.compactMap { $0["address"]?.stringValue } ?? []
            print("  result: cniVersion \(result["cniVersion"]?.stringValue ?? "?"), ips \(ips)")
            for line in try podInterfaces(ns) { print("  inside the pod: \(line)") }
        }

        try await multiNetworkPod()
        try alphaPod()
        try failedTeardownPod()
        try makeDrift()
        try await inspect()

        say("the checkpoint store \(stateDir)/multinet.db holds every attachment")
        try printStore()

        say("the node's network config files and the NetworkAttachmentDefinitions are removed (an upgrade gone wrong); DEL must still work")
        try FileManager.default.removeItem(atPath: confDir + "/10-podnet.conflist")
        try FileManager.default.removeItem(atPath: confDir + "/20-othernet.conflist")
        for name in ["storage", "othernet", "flaky"] {
            _ = try server?.store.delete(.networkAttachmentDefinitions, namespace: "default", name: name)
        }
        for name in ["podnet", "othernet"] {
            _ = try server?.store.delete(.networks, namespace: "default", name: name)
        }
        try await server?.shutdown()
        server = nil
        print("  apiserver stopped too")
        for (pod, id) in pods + [(Self.multiPod, Self.multiPodID), (Self.alphaPod, Self.alphaPodID), (Self.flakyPod, Self.flakyPodID)] {
            _ = try cni("DEL", id: id, pod: pod, netns: "mndemo-\(id)")
            let links = try linksLeft("mndemo-\(id)")
            print("  DEL default/\(pod): interfaces left besides lo: \(links.isEmpty ? "none" : links.joined(separator: ", "))")
        }
        let leftovers = ["podnet", "storage", "othernet", "flaky"].flatMap { network in
            ((try? FileManager.default.contentsOfDirectory(atPath: ipamDir + "/" + network)) ?? [])
                .filter { $0.first?.isNumber == true }.map { "\(network):\($0)" }
        }
        print("  host-local reservations left: \(leftovers.isEmpty ? "none" : leftovers.joined(separator: ", "))")
        try printStore()
        say("DEL of a container multinet never saw succeeds, as the CNI spec asks")
        _ = try cni("DEL", id: "unknown0001", pod: "ghost", netns: "")
        print("  ok")

        try podnet.write(toFile: confDir + "/10-podnet.conflist", atomically: true, encoding: .utf8)
        if !simulated { try measure(podnet: podnet) }
    }

    /// A first look at multinet's cost: ADD+DEL through multinet and through `bridge`
    /// directly, interleaved so machine drift cancels; medians in milliseconds.
    mutating func measure(podnet: String, rounds: Int = 9) throws {
        say("ADD+DEL of one pod, \(rounds) rounds interleaved: multinet in front of bridge vs bridge called directly")
        let ns = "mndemo-timing"
        try shell(["ip", "netns", "add", ns])
        resources.add(namespace: ns)
        let list = try NetworkConfigList(parsing: Array(podnet.utf8), source: "demo")
        let direct = list.pluginConfig(at: 0, prevResult: nil).jsonText
        let bridgePlugin = cniPath.split(separator: ":").map { "\($0)/bridge" }.first { FileManager.default.isExecutableFile(atPath: $0) }!
        var viaMultinet: [Double] = [], viaBridge: [Double] = []
        for round in 0..<rounds {
            let id = "timing\(round)"
            var start = DispatchTime.now().uptimeNanoseconds
            _ = try cni("ADD", id: id + "m", pod: "timing", netns: ns)
            _ = try cni("DEL", id: id + "m", pod: "timing", netns: ns)
            viaMultinet.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            start = DispatchTime.now().uptimeNanoseconds
            for command in ["ADD", "DEL"] {
                let env = ["CNI_COMMAND": command, "CNI_CONTAINERID": id + "b", "CNI_IFNAME": "eth0", "CNI_PATH": cniPath,
                           "CNI_NETNS": "/var/run/netns/\(ns)", "CNI_ARGS": "IgnoreUnknown=1", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
                let (status, out, err) = try run(bridgePlugin, [], env: env, stdin: Data(direct.utf8))
                guard status == 0 else { throw ValidationError("bridge \(command) failed: \(out) \(err)") }
            }
            viaBridge.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
        let m = median(viaMultinet), b = median(viaBridge)
        print(String(format: "  bridge directly:  median %.1f ms (min %.1f, max %.1f)", b, viaBridge.min()!, viaBridge.max()!))
        print(String(format: "  through multinet: median %.1f ms (min %.1f, max %.1f)", m, viaMultinet.min()!, viaMultinet.max()!))
        print(String(format: "  ratio %.2fx (multinet adds %.1f ms per ADD+DEL; the full benchmark: multinet-bench, README \"Performance\")", m / b, m - b))
    }

    func printStore() throws {
        let store = try CheckpointStore(directory: stateDir)
        let records = try store.allAttachments()
        if records.isEmpty {
            print("  (no attachments recorded)")
            return
        }
        let widths = [12, 22, 18, 7, 10, 0]
        func row(_ cells: [String]) -> String {
            zip(cells, widths).map { $1 == 0 ? $0 : $0.padding(toLength: max($1, $0.count + 1), withPad: " ", startingAt: 0) }.joined()
        }
        print("  " + row(["CONTAINER", "POD", "NETWORK", "IF", "STATE", "IPS"]))
        for record in records {
            let ips = record.result.flatMap { try? CNIResult(json: JSONValue(parsing: $0)) }?.addresses(forInterface: record.ifName) ?? []
            print("  " + row([record.containerID, "\(record.podNamespace)/\(record.podName)", record.qualifiedNetwork,
                              record.ifName, record.state.rawValue, ips.joined(separator: ",")]))
        }
    }

    @discardableResult
    func cni(_ command: String, id: String, pod: String, netns: String, kube: Bool = false) throws -> String {
        let kubeKey = kube ? #","kubeconfig":"\#(kubeconfig)""# : ""
        let config = #"{"cniVersion":"1.0.0","name":"multinet","type":"multinet","confDir":"\#(confDir)","stateDir":"\#(stateDir)","binDir":"\#(root)/bin","logFile":"\#(root)/multinet.log","logLevel":"info"\#(kubeKey)}"#
        var env = ["CNI_COMMAND": command, "CNI_CONTAINERID": id, "CNI_IFNAME": "eth0", "CNI_PATH": cniPath,
                   "CNI_ARGS": "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=\(pod)",
                   "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        env["CNI_NETNS"] = netns.isEmpty ? "" : "/var/run/netns/\(netns)"
        let (status, out, err) = try run(multinet, [], env: env, stdin: Data(config.utf8))
        guard status == 0 else {
            throw ValidationError("multinet \(command) failed (exit \(status)): \(out) \(err)")
        }
        return out
    }

    @discardableResult
    func shell(_ args: [String]) throws -> String {
        let (status, out, err) = try run("/usr/bin/env", args, env: ProcessInfo.processInfo.environment, stdin: Data())
        guard status == 0 else { throw ValidationError("\(args.joined(separator: " ")) failed: \(err)") }
        return out
    }

    func run(_ exe: String, _ args: [String], env: [String: String], stdin: Data) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = args
        process.environment = env
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        inPipe.fileHandleForWriting.write(stdin)
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func cleanUp() {
        resources.cleanUp()
    }
}
