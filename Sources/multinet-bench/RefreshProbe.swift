import ArgumentParser
import Foundation
import Glibc
import MultinetBenchmark
import MultinetCheckpoint
import MultinetCore
import MultinetSystem
import MultinetInspector

/// `multinet-bench refresh-probe`: the inspector's refresh loop without a terminal, in its
/// own process so its CPU time and peak RSS are the inspector's. One first refresh (it
/// connects, lists and probes plugin versions), then `--refreshes` more of an unchanged
/// node, then `--refreshes` after a change — one record rewritten by another process and one
/// pod annotated through the apiserver — each timed in CPU (`getrusage`), and the unchanged
/// ones in wall time too. A refresh after a change is timed from when the patch was
/// answered (the watch event may arrive just before or during it), and again with the
/// patch request counted in; then the parts of a refresh after a change,
/// one after the other; then frames rendered from the last snapshot. Prints one JSON object.
struct RefreshProbe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "refresh-probe", shouldDisplay: false)

    @Option(name: .customLong("state-dir")) var stateDir: String
    @Option(name: .customLong("conf-dir")) var confDir: String
    @Option(name: .customLong("bin-dir")) var binDir: String
    @Option var kubeconfig: String
    @Option var node: String
    @Option var refreshes = 10
    @Option var renders = 30

    func run() async throws {
        let sources = InspectorSources(kubeconfig: kubeconfig, node: node, stateDir: stateDir, confDir: confDir,
                                       binDirs: [binDir], readOnly: true)
        let builder = sources.builder(environment: [:])
        var before = ChildUsage.cpu(ChildUsage.selfUsage())
        var snapshot = await builder.snapshot()
        let first = ChildUsage.cpu(ChildUsage.selfUsage()) - before
        var cpu = Samples(), wall = Samples(), changedCPU = Samples(), changedWithPatchCPU = Samples(), render = Samples()
        for _ in 0..<refreshes {
            before = ChildUsage.cpu(ChildUsage.selfUsage())
            let start = MonotonicClock.nanoseconds()
            snapshot = await builder.snapshot()
            wall.append(Double(MonotonicClock.nanoseconds() &- start) / 1e6)
            cpu.append(ChildUsage.cpu(ChildUsage.selfUsage()) - before)
        }
        let changer = try await Changer(stateDir: stateDir, kubeconfig: kubeconfig, snapshot: snapshot)
        for round in 0..<refreshes {
            before = ChildUsage.cpu(ChildUsage.selfUsage())
            try await changer.change(round)
            let changed = ChildUsage.cpu(ChildUsage.selfUsage())
            snapshot = await builder.snapshot()
            let end = ChildUsage.cpu(ChildUsage.selfUsage())
            changedCPU.append(end - changed)
            changedWithPatchCPU.append(end - before)
        }
        // The parts of a refresh after a change, one after the other (a refresh reads the
        // store and the apiserver concurrently); addresses come from the last snapshot, as
        // the builder's cache gives them.
        var parts: [String: Samples] = [:]
        // The pods' network-status by version, as the builder keeps it.
        var seenPods: [String: ObservedPod] = [:]
        for round in 0..<refreshes {
            try await changer.change(refreshes + round)
            func cpu<T>(_ name: String, _ body: () async -> T) async -> T {
                let before = ChildUsage.cpu(ChildUsage.selfUsage())
                let value = await body()
                parts[name, default: Samples()].append(ChildUsage.cpu(ChildUsage.selfUsage()) - before)
                return value
            }
            var known: [String: AttachmentAddresses] = [:]
            for pod in snapshot.pods {
                for (record, addresses) in zip(pod.attachments, pod.addresses) { known[Self.key(record)] = addresses }
            }
            let store = await cpu("store") { await builder.store.read() }
            let namespaces = await cpu("kernel") { await builder.kernel.observe(ReconcileInput.netnsPaths(store.records)) }
            let cluster = await cpu("apiserver") { await builder.cluster.read(node: node) }
            let networks = await cpu("conf dir") { await builder.files.networks(for: cluster) }
            snapshot = await cpu("assembly") {
                SnapshotAssembly.assemble(node: node, store: store, cluster: cluster, networks: networks,
                                          readOnly: true, refreshedAt: 0, namespaces: namespaces,
                                          addresses: { known[Self.key($0)] ?? AttachmentAddresses($0) },
                                          observe: { pod in
                                              let key = "\(pod.metadata.namespace ?? "")/\(pod.metadata.name)@\(pod.metadata.resourceVersion ?? "")"
                                              if let seen = seenPods[key] { return seen }
                                              let observed = ObservedPod(metadata: pod.metadata)
                                              seenPods[key] = observed
                                              return observed
                                          })
            }
        }
        await (builder.cluster as? KubeClusterSource)?.close()
        await changer.close()
        let now = CheckpointStore.wallClockMilliseconds()
        var state = InspectorState(snapshot: snapshot, view: .pods, width: 200, height: 60, now: now)
        state.reconcileSelection(.pods)
        for _ in 0..<renders {
            let start = MonotonicClock.nanoseconds()
            _ = InspectorRenderer.render(state, now: now)
            render.append(Double(MonotonicClock.nanoseconds() &- start) / 1e6)
        }
        let report = RefreshReport(firstCPU: first, refreshCPU: cpu, refreshWall: wall, changedCPU: changedCPU,
                                   changedWithPatchCPU: changedWithPatchCPU, render: render, peakRSSMB: Self.peakRSSMegabytes(), pods: snapshot.pods.count,
                                   parts: parts, kernelRead: snapshot.kernelCoverage.read, kernelUnknown: snapshot.kernelCoverage.unknown,
                                   drift: snapshot.drift.count,
                                   driftKinds: Dictionary(grouping: snapshot.drift, by: \.kind.rawValue).map { "\($0.key) \($0.value.count)" }
                                       .sorted().joined(separator: ", "))
        print(report.json.jsonText)
    }

    private static func key(_ record: AttachmentRecord) -> String {
        "\(record.containerID)/\(record.runtimeIfName)/\(record.ifName)@\(record.updatedAt)"
    }

    /// `VmHWM` of /proc/self/status: the peak RSS of this program's own memory. (The
    /// kernel's `ru_maxrss` also counts the parent's memory at the `vfork` before `exec`,
    /// which would charge the benchmark's apiserver to the inspector.)
    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return -1 }
        return kilobytes / 1024
    }
}
