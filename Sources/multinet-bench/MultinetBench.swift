import ArgumentParser
import Foundation
import Glibc
import MultinetBenchmark

/// `multinet-bench`: multinet against calling the delegates directly, side by side in one
/// interleaved run, with the profile of where multinet's time goes. Prints Markdown (the
/// README's performance section is its output). Reports; never fails on a number.
@main
struct MultinetBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multinet-bench",
        abstract: "Benchmark multinet against calling the CNI delegates directly (run as root).",
        discussion: """
            Needs root, Debian's CNI plugins in /usr/lib/cni and the release build of multinet and \
            multinet-inspect next to this binary (swift build -c release). Creates network namespaces \
            and bridges named mnbench*, subnets 10.250.96.0/20, 10.250.112.0/24 and 10.250.113.0/24, \
            and removes them when done.
            """,
        subcommands: [Run.self, RefreshProbe.self, StoreTouch.self],
        defaultSubcommand: Run.self)

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the benchmark (the default).")

        @Option(help: "Measured rounds per scenario (after 2 warm-up rounds).")
        var rounds = 30

        @Option(help: "Pods started at once in scenario (d).")
        var pods = 16

        @Option(help: "Pods started at once in the reboot burst (r).")
        var burstPods = 150

        @Option(help: ArgumentHelp("Scenarios to run, comma-separated: start,a,h,b,c,d,r,e,f,g,profile.", valueName: "list"))
        var only = "start,a,h,b,c,d,r,e,f,g,profile"

        @Option(help: ArgumentHelp("Also write the report to this file.", valueName: "path"))
        var output: String?

        @Option(help: ArgumentHelp("Pods on the inspected node in scenario (e).", visibility: .hidden))
        var nodePods = 250

        @Option(help: ArgumentHelp("Pods in the whole cluster in scenario (e).", visibility: .hidden))
        var clusterPods = 5_000

        @Flag(help: ArgumentHelp("Keep the scratch directory (not the namespaces and bridges) for a closer look.", visibility: .hidden))
        var keep = false

        func run() async throws {
            let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            let binaries = exe.deletingLastPathComponent().path
            try Self.checkPrerequisites(binaries: binaries)
            let wanted = Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let node = try BenchNode(binaries: binaries)
            defer { node.cleanUp(keepDirectory: keep) }
            func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
            var report = ["## Benchmark: multinet against the delegates called directly", "",
                          "Machine: \(MachineInfo.describe(directory: node.root)).", "",
                          "Command: `multinet-bench --rounds \(rounds) --pods \(pods) --burst-pods \(burstPods)`, release build; "
                          + "\(rounds) measured rounds per scenario after 2 warm-up rounds, multinet and direct interleaved "
                          + "(the side that goes first alternates). Times in milliseconds.", ""]
            let scenarios = PodStartScenarios(node: node, rounds: rounds, warmup: 2, log: log)
            var rows: [Comparison] = []
            log("multinet-bench: \(node.root)")
            if wanted.contains("start") { rows.append(try scenarios.startup()) }
            if wanted.contains("a") { rows += try scenarios.defaultOnly() }
            if wanted.contains("h") { rows.append(try scenarios.operationRecording()) }
            let needsCluster = !wanted.isDisjoint(with: ["b", "c", "e", "g", "profile"])
            let cluster = needsCluster ? try await BenchCluster.start(node: node) : nil
            if let cluster {
                if wanted.contains("b") {
                    rows.append(try scenarios.threeNetworks(cluster: cluster, passAnnotations: true))
                    rows.append(try scenarios.threeNetworks(cluster: cluster, passAnnotations: false))
                }
                if wanted.contains("c") {
                    rows.append(try scenarios.plainPodWithApiserver(cluster: cluster, passAnnotations: true))
                    rows.append(try scenarios.plainPodWithApiserver(cluster: cluster, passAnnotations: false))
                }
            }
            if wanted.contains("d") { rows.append(try scenarios.parallel(pods: pods)) }
            var figures: [Figure] = []
            if wanted.contains("r") {
                let burst = try scenarios.rebootBurst(pods: burstPods)
                rows += burst.rows
                figures += burst.figures
            }
            if !rows.isEmpty { report += [BenchmarkReport.comparisons(rows), ""] }
            if wanted.contains("g"), let cluster {
                let row = try scenarios.kubeconfigFormats(cluster: cluster)
                report += ["### The kubeconfig's format: YAML against JSON, interleaved", "",
                           BenchmarkReport.comparisons([row], sides: ("YAML kubeconfig", "JSON kubeconfig")), ""]
                figures += try KubeconfigParseScenario(cluster: cluster, rounds: rounds).run()
            }
            if wanted.contains("profile"), let cluster {
                log("  profile")
                let profiler = ProfileScenario(node: node, rounds: max(10, rounds / 3))
                let results = [
                    try profiler.run("(a)"),
                    try profiler.run("(b)", kubeconfig: cluster.kubeconfig, annotations: cluster.multiPodAnnotations,
                                     pod: cluster.multiPod, uid: cluster.multiPodUID),
                    try profiler.run("(c′)", kubeconfig: cluster.kubeconfig, pod: cluster.plainPod, uid: cluster.plainPodUID),
                    try profiler.run("(c′) YAML", kubeconfig: cluster.yamlKubeconfig, pod: cluster.plainPod, uid: cluster.plainPodUID),
                ]
                report += ["### Where multinet's time goes (`logLevel: debug` timings, \(profiler.rounds) runs each)", "",
                           ProfileScenario.table(results), ""]
            }
            if wanted.contains("e"), let cluster {
                figures += try InspectorScenario(node: node, cluster: cluster, rounds: rounds, log: log,
                                                 podsOnNode: nodePods, podsInCluster: clusterPods)
                    .run(benchBinary: exe.path)
            }
            if wanted.contains("f") { figures += try StoreScenario(node: node, attachments: 200).run() }
            if !figures.isEmpty { report += [BenchmarkReport.figures(figures), ""] }
            try await cluster?.server.shutdown()
            let text = report.joined(separator: "\n")
            print(text)
            if let output { try text.write(toFile: output, atomically: true, encoding: .utf8) }
        }

        static func checkPrerequisites(binaries: String) throws {
            guard geteuid() == 0 else { throw BenchError.missing("it must run as root (it creates network namespaces and bridges)") }
            for plugin in ["bridge", "host-local"] where access("/usr/lib/cni/" + plugin, X_OK) != 0 {
                throw BenchError.missing("/usr/lib/cni/\(plugin) is missing: install containernetworking-plugins (scripts/setup-machine)")
            }
            for binary in ["multinet", "multinet-inspect"] where access(binaries + "/" + binary, X_OK) != 0 {
                throw BenchError.missing("\(binaries)/\(binary) is missing: run `swift build -c release` first")
            }
        }
    }
}
