import Foundation
import KubeAPIServerDouble
import MultinetBenchmark
import MultinetCheckpoint
import MultinetJSON
import MultinetSystem

/// (e) The inspector on a busy node: 250 pods × 4 attachments in the store, 5,000 pods
/// cluster-wide (250 on this node). Measured in child processes so their CPU and peak RSS
/// are the inspector's own: `refresh-probe` (the curses view's refresh loop, without a
/// terminal) and `multinet-inspect --once -o json` (a whole run).
struct InspectorScenario {
    let node: BenchNode
    let cluster: BenchCluster
    let rounds: Int
    let log: (String) -> Void

    static let nodeName = "bench-node"
    static let attachmentsPerPod = 4
    var podsOnNode = 250
    var podsInCluster = 5_000

    func run(benchBinary: String) throws -> [Figure] {
        let stateDir = node.root + "/inspector-state"
        let uids = try seedCluster()
        try seedStore(stateDir, uids: uids)
        let kernelRead = createNamespaces()
        defer { if kernelRead { removeNamespaces() } }
        log("  (e): store and apiserver seeded" + (kernelRead ? ", \(podsOnNode) netns created" : ", no netns (needs root and ip)"))
        var refreshCPU = Samples(), refreshWall = Samples(), changedCPU = Samples(), changedWithPatch = Samples()
        var firstCPU = Samples()
        var peak = Samples(), render = Samples()
        var parts: [String: Samples] = [:]
        var pods = 0
        var kernel = "", drift = 0, driftKinds = ""
        for _ in 0..<max(3, rounds / 5) {
            let report = try probe(benchBinary: benchBinary, stateDir: stateDir)
            refreshCPU.append(report.refreshCPU.median ?? 0)
            refreshWall.append(report.refreshWall.median ?? 0)
            changedCPU.append(report.changedCPU.median ?? 0)
            changedWithPatch.append(report.changedWithPatchCPU.median ?? 0)
            firstCPU.append(report.firstCPU)
            peak.append(report.peakRSSMB)
            render.append(report.render.median ?? 0)
            for (name, samples) in report.parts { parts[name, default: Samples()].append(samples.median ?? 0) }
            pods = report.pods
            kernel = "\(report.kernelRead) netns read, \(report.kernelUnknown) unknown"
            drift = report.drift
            driftKinds = report.driftKinds
        }
        var onceCPU = Samples(), onceWall = Samples()
        for _ in 0..<max(3, rounds / 5) {
            let usage = try ChildUsage.run(node.inspector, [
                "--once", "-o", "json", "--state-dir", stateDir, "--conf-dir", node.confDir, "--bin-dir", node.cniPath,
                "--kubeconfig", cluster.kubeconfig, "--node", Self.nodeName,
            ])
            guard usage.status == 0 else { throw BenchError.failed("multinet-inspect --once exited \(usage.status)") }
            onceCPU.append(usage.cpuMilliseconds)
            onceWall.append(usage.wallMilliseconds)
        }
        let scale = "\(podsOnNode) pods × \(Self.attachmentsPerPod) attachments stored, \(podsInCluster) pods in the cluster (\(pods) shown); kernel: \(kernel); \(drift) drift\(driftKinds.isEmpty ? "" : " (\(driftKinds))")"
        return [
            Figure(name: "(e) one refresh, nothing changed: CPU (curses view's loop)", samples: refreshCPU, unit: "ms", limit: 20, note: scale),
            Figure(name: "(e) one refresh, nothing changed: wall time", samples: refreshWall, unit: "ms", note: "store and apiserver read concurrently"),
            Figure(name: "(e) one refresh after a change: CPU", samples: changedCPU, unit: "ms", limit: 20,
                   note: "one record rewritten by another process, one pod annotated through the apiserver (its watch event)"),
            Figure(name: "(e) … the same with the benchmark's patch request counted in", samples: changedWithPatch, unit: "ms",
                   note: "an upper bound: surely includes the watch event"),
            Figure(name: "(e) … of which reading the store again (1,000 records)", samples: parts["store"] ?? Samples(), unit: "ms", note: "parts after a change, run one after the other"),
            Figure(name: "(e) … of which the apiserver (NADs, Networks; pods from the watch)", samples: parts["apiserver"] ?? Samples(), unit: "ms"),
            Figure(name: "(e) … of which the conf and bin dirs", samples: parts["conf dir"] ?? Samples(), unit: "ms"),
            Figure(name: "(e) … of which the kernel (links and addresses of every recorded netns)", samples: parts["kernel"] ?? Samples(), unit: "ms",
                   note: "netlink inside each netns, no process forked"),
            Figure(name: "(e) … of which joining them into the snapshot (with the reconciliation)", samples: parts["assembly"] ?? Samples(), unit: "ms"),
            Figure(name: "(e) first refresh: CPU (connection, TLS handshake, pod list, plugin VERSION probes)", samples: firstCPU, unit: "ms"),
            Figure(name: "(e) peak RSS of the refreshing process", samples: peak, unit: "MB", limit: 50, note: "VmHWM after start-up, every refresh and every frame"),
            Figure(name: "(e) render one frame (Pods view, 200×60)", samples: render, unit: "ms"),
            Figure(name: "(e) `multinet-inspect --once -o json`: CPU, whole process", samples: onceCPU, unit: "ms", note: "start-up, one refresh, JSON, exit"),
            Figure(name: "(e) `multinet-inspect --once -o json`: wall time", samples: onceWall, unit: "ms"),
        ]
    }

    /// The refresh-probe child's report.
    func probe(benchBinary: String, stateDir: String) throws -> RefreshReport {
        let output = try ProcessRunner.run(ProcessRequest(executable: benchBinary, arguments: [
            "refresh-probe", "--state-dir", stateDir, "--conf-dir", node.confDir, "--bin-dir", node.cniPath,
            "--kubeconfig", cluster.kubeconfig, "--node", Self.nodeName, "--refreshes", "10",
        ], environment: ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"] + ChildUsage.passedThrough, timeoutSeconds: 300))
        guard output.exit == .exited(0) else {
            throw BenchError.failed("refresh-probe ended \(output.exit): \(String(decoding: output.stderr, as: UTF8.self))")
        }
        return try RefreshReport(json: JSONValue(parsing: output.stdout))
    }

    /// 250 pods × 4 attachments with realistic configs and results, under the UIDs the
    /// apiserver gave the pods.
    func seedStore(_ stateDir: String, uids: [Int: String]) throws {
        let store = try CheckpointStore(directory: stateDir)
        let config = Array(node.podnetList.utf8)
        for pod in 0..<podsOnNode {
            let id = String(format: "%064x", pod + 1)
            for slot in 0..<Self.attachmentsPerPod {
                let ifName = slot == 0 ? "eth0" : "net\(slot)"
                // As the cluster's pods select them: benchnet1, benchnet2, benchnet1@net3.
                let network = Self.network(slot: slot)
                let record = AttachmentRecord(
                    containerID: id, runtimeIfName: "eth0", ifName: ifName, position: slot, isDefault: slot == 0,
                    netns: "/var/run/netns/" + Self.netnsName(pod), podNamespace: "default", podName: "app-\(pod)", podUID: uids[pod] ?? "uid-\(pod)",
                    network: network, networkNamespace: slot == 0 ? "" : "default", networkKind: slot == 0 ? "file" : "nad",
                    config: config, cniPath: node.cniPath, cniArgs: "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=app-\(pod)")
                try store.recordAddStarted(record)
                let address = Self.address(pod: pod, slot: slot)
                let result = #"{"cniVersion":"1.0.0","interfaces":[{"name":"\#(ifName)","mac":"\#(Self.mac(pod: pod))","sandbox":"/var/run/netns/\#(Self.netnsName(pod))"}],"ips":[{"address":"\#(address)","interface":0}]}"#
                if pod % 50 == 7 && slot == 3 {
                    try store.recordAddFailed(containerID: id, runtimeIfName: "eth0", ifName: ifName, error: "plugin bridge failed", durationMs: 40)
                } else {
                    try store.recordAddSucceeded(containerID: id, runtimeIfName: "eth0", ifName: ifName, result: Array(result.utf8), durationMs: 30)
                }
            }
        }
    }

    /// A stored attachment's network.
    static func network(slot: Int) -> String { slot == 0 ? "podnet" : (slot == 2 ? "benchnet2" : "benchnet1") }

    /// The `network-status` of a stored pod, as multinet writes it.
    static func networkStatus(pod: Int) -> String {
        let entries = (0..<attachmentsPerPod).filter { !(pod % 50 == 7 && $0 == 3) }.map { slot in
            let name = slot == 0 ? "podnet" : "default/" + network(slot: slot)
            let ifName = slot == 0 ? "eth0" : "net\(slot)"
            return #"{"name":"\#(name)","interface":"\#(ifName)","ips":["\#(address(pod: pod, slot: slot))"],"mac":"\#(mac(pod: pod))","default":\#(slot == 0)}"#
        }
        return "[" + entries.joined(separator: ",") + "]"
    }

    /// 5,000 pods: 250 on the inspected node (those of the store), the rest on 19 others;
    /// the UIDs of the node's pods, by number.
    func seedCluster() throws -> [Int: String] {
        var objects: [KubeJSON] = []
        for pod in 0..<podsInCluster {
            let onNode = pod < podsOnNode
            var annotations = ["k8s.v1.cni.cncf.io/networks": "benchnet1,benchnet2,benchnet1@net3"]
            // The network-status multinet wrote for the stored attachments.
            if onNode { annotations["k8s.v1.cni.cncf.io/network-status"] = Self.networkStatus(pod: pod) }
            objects.append(KubeObjects.pod(
                name: onNode ? "app-\(pod)" : "other-\(pod)", namespace: "default",
                nodeName: onNode ? Self.nodeName : "node-\(pod % 19)",
                annotations: annotations,
                labels: ["app": "bench"], podIPs: ["10.100.\(pod / 200).\(pod % 200 + 2)"]))
        }
        var uids: [Int: String] = [:]
        for (pod, object) in objects.enumerated() {
            let seeded = try cluster.server.seed(object)
            if pod < podsOnNode { uids[pod] = seeded.first?.string(at: "metadata.uid") }
        }
        return uids
    }
}
