import Foundation
import Glibc
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// `multinet-agent` against real parts: the real plugin in real netns with Debian's plugins,
/// the apiserver double, the agent as its own process on a loopback port.
@Suite("End to end: the node agent", .endToEnd, .serialized)
struct AgentTests {
    static func nodeOptions(_ node: MultinetNode) -> [String] {
        ["--state-dir", node.stateDir, "--conf-dir", node.confDir, "--bin-dir", node.binDir + ":/usr/lib/cni",
         "--interval", "0.2"]
    }

    static func ops(_ command: String, _ result: String) -> String {
        #"multinet_operations_total{command="\#(command)",result="\#(result)"}"#
    }

    @Test("metrics count every operation, also those run while the agent was down; a failing ADD is a failure; kill -9 changes nothing for pods")
    func metrics() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let node = cluster.node
            // Before the agent ever runs: two pods up and down, and an ADD that fails in its delegate.
            var ids: [String] = []
            for _ in 0..<2 {
                let ns = try node.namespace()
                let id = RuntimeInvocation.randomContainerID()
                _ = try await cluster.run("ADD", containerID: id, netns: ns.path).requireSuccess()
                ids.append(id)
                _ = try await cluster.run("DEL", containerID: id, netns: ns.path).requireSuccess()
            }
            let failed = try await cluster.run("ADD", containerID: RuntimeInvocation.randomContainerID(),
                                               netns: "/var/run/netns/multinet-test-missing-\(UInt32.random(in: 0...UInt32.max))")
            #expect(!failed.succeeded, "\(failed.summary)")

            let agent = try await RunningAgent(Self.nodeOptions(node))
            #expect(try await agent.waitUntil(seconds: 20) { try agent.metric(Self.ops("add", "success")) == 2 })
            let text = try agent.get("/metrics").body
            #expect(try agent.metric(Self.ops("add", "failure")) == 1, "\(text)")
            #expect(try agent.metric(Self.ops("del", "success")) == 2, "\(text)")
            #expect(try agent.metric(Self.ops("check", "success")) == 0, "\(text)")
            #expect(try agent.metric(#"multinet_operation_duration_seconds_count{command="add",result="success"}"#) == 2)
            #expect(try agent.metric(#"multinet_operation_duration_seconds_count{command="add",result="failure"}"#) == 1)
            #expect(try agent.metric(#"multinet_delegate_duration_seconds_count{plugin="bridge",command="add",result="success"}"#) == 2, "\(text)")
            #expect(try agent.metric(#"multinet_delegate_duration_seconds_count{plugin="bridge",command="add",result="failure"}"#) == 1, "\(text)")
            #expect(try agent.metric(#"multinet_attachments{state="attached"}"#) == 0, "\(text)")
            // No label carries a pod, a namespace or a container.
            for secret in ids + [cluster.podName, cluster.podUID, "default/"] {
                #expect(!text.contains(secret), "\(secret) is in /metrics")
            }
            #expect(try agent.get("/healthz").status == 200)
            #expect(try agent.get("/readyz").status == 200, "no apiserver configured: the store alone makes it ready")

            // kill -9 mid-flight: a pod started meanwhile starts exactly as before.
            try await agent.stop(SIGKILL)
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            _ = try await cluster.run("ADD", containerID: id, netns: ns.path).requireSuccess()
            #expect(try ns.addresses(of: "eth0").count == 1)
            #expect(try node.records().filter { $0.containerID == id }.map(\.state) == [.attached])

            // The next agent counts it: what the first counted is gone from the store, the rest is not.
            let next = try await RunningAgent(Self.nodeOptions(node))
            #expect(try await next.waitUntil(seconds: 20) { try next.metric(Self.ops("add", "success")) == 1 })
            #expect(try next.metric(Self.ops("add", "failure")) == 0)
            #expect(try next.metric(#"multinet_attachments{state="attached"}"#) == 1)
            _ = try await cluster.run("DEL", containerID: id, netns: ns.path).requireSuccess()
            #expect(try await next.waitUntil(seconds: 20) { try next.metric(Self.ops("del", "success")) == 1 })
            let log = try await next.stop(SIGTERM)
            #expect(try await next.exitStatus() == 0, "\(log)")
            #expect(log.contains("multinet-agent stopping"), "\(log)")
        }
    }

    @Test("not ready while the apiserver does not answer, alive all the same; the conf dir is never touched")
    func readiness() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let node = cluster.node
            let closed = try ClosedPort()
            let unreachable = node.directory.file("unreachable.kubeconfig")
            try String(contentsOfFile: cluster.kubeconfig, encoding: .utf8)
                .replacingOccurrences(of: cluster.server.url, with: closed.url)
                .write(toFile: unreachable, atomically: true, encoding: .utf8)
            func confDir() throws -> [String: Data] {
                var files: [String: Data] = [:]
                for name in try FileManager.default.contentsOfDirectory(atPath: node.confDir) {
                    files[name] = FileManager.default.contents(atPath: node.confDir + "/" + name)
                }
                return files
            }
            let before = try confDir()
            let agent = try await RunningAgent(Self.nodeOptions(node) + ["--kubeconfig", unreachable, "--node", "node-a", "--reclaim"])
            // Not ready from the start (no cycle yet), then for the reason the first cycle found.
            #expect(try agent.get("/readyz").status == 503)
            #expect(try await agent.waitUntil(seconds: 30) {
                let ready = try agent.get("/readyz")
                return ready.status == 503 && ready.body.contains("listing the pods of node node-a")
            }, "\((try? agent.get("/readyz").body) ?? "no answer")")
            #expect(try agent.get("/healthz").status == 200)
            // The good apiserver: ready.
            let good = try await RunningAgent(Self.nodeOptions(node) + ["--kubeconfig", cluster.kubeconfig, "--node", "node-a"])
            #expect(try await good.waitUntil(seconds: 20) { try good.get("/readyz").status == 200 })
            try await good.stop()
            try await agent.stop()
            #expect(try confDir() == before)
            withExtendedLifetime(closed) {}
        }
    }

    /// A pod attached by the real plugin, with its own UID and netns.
    struct AttachedPod {
        let name: String
        let containerID: String
        let namespace: NetworkNamespace
    }

    static func attach(_ name: String, cluster: MultinetCluster) async throws -> AttachedPod {
        let seeded = try cluster.server.seed(KubeObjects.pod(name: name, nodeName: "node-a"))
        let uid = try #require(seeded.first?.string(at: "metadata.uid"))
        let namespace = try cluster.node.namespace()
        let id = RuntimeInvocation.randomContainerID()
        var invocation = cluster.node.invocation("ADD", containerID: id, netns: namespace.path, pod: name, config: cluster.config())
        invocation.args = RuntimeInvocation.kubernetesArgs(namespace: "default", name: name, uid: uid, containerID: id)
        _ = try await cluster.node.runner.run(invocation).requireSuccess()
        return AttachedPod(name: name, containerID: id, namespace: namespace)
    }

    @Test("reclaim: a sandbox whose pod and netns are gone is torn down after the grace with no reservation left; one whose pod or netns exists is left alone")
    func reclaim() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let node = cluster.node
            let gone = try await Self.attach("gone", cluster: cluster)
            let podExists = try await Self.attach("pod-exists", cluster: cluster)
            let netnsExists = try await Self.attach("netns-exists", cluster: cluster)
            let recreated = try await Self.attach("recreated", cluster: cluster)
            defer { netnsExists.namespace.delete() }
            #expect(try node.reservations.held(by: gone.containerID).count == 1)

            _ = try cluster.server.store.delete(.pods, namespace: "default", name: "gone")
            gone.namespace.delete()
            podExists.namespace.delete()
            _ = try cluster.server.store.delete(.pods, namespace: "default", name: "netns-exists")
            // A pod of the same name, recreated with a new UID: the old sandbox is a leak,
            // and the object that exists gets an Event saying it was reclaimed.
            _ = try cluster.server.store.delete(.pods, namespace: "default", name: "recreated")
            let newUID = try #require(try cluster.server.seed(KubeObjects.pod(name: "recreated", nodeName: "node-a"))
                .first?.string(at: "metadata.uid"))
            recreated.namespace.delete()

            let started = ContinuousClock.now
            let agent = try await RunningAgent(Self.nodeOptions(node) + [
                "--kubeconfig", cluster.kubeconfig, "--node", "node-a", "--reclaim", "--reclaim-after", "2",
            ])
            #expect(try await agent.waitUntil(seconds: 15) {
                try !node.records().contains { $0.containerID == gone.containerID || $0.containerID == recreated.containerID }
            })
            let elapsed = ContinuousClock.now - started
            #expect(elapsed >= .seconds(2), "reclaimed before the grace: \(elapsed)")
            #expect(try node.reservations.held(by: gone.containerID).isEmpty)
            #expect(try node.reservations.held(by: recreated.containerID).isEmpty)
            #expect(try agent.metric("multinet_reclaimed_total") == 2)
            let events = cluster.server.store.list(.events, namespace: "default").filter {
                $0.string(at: "reason") == "MultinetReclaimed"
            }
            #expect(events.count == 1, "\(events)")
            #expect(events.first?.string(at: "involvedObject.name") == "recreated")
            #expect(events.first?.string(at: "involvedObject.uid") == newUID)
            #expect(events.first?.string(at: "type") == "Normal")
            #expect(events.first?.string(at: "source.component") == "multinet-agent")
            #expect(events.first?.string(at: "message")?.contains(recreated.containerID) == true)
            // Several cycles more: the other two are still recorded, their addresses still held.
            try await Task.sleep(for: .seconds(1))
            let left = Set(try node.records().map(\.containerID))
            #expect(left == [podExists.containerID, netnsExists.containerID])
            #expect(try node.reservations.held(by: podExists.containerID).count == 1)
            #expect(try agent.metric(#"multinet_drift{kind="netns-gone"}"#) == 1)
            #expect(try agent.metric(#"multinet_drift{kind="pod-gone"}"#) == 1)
            #expect(try agent.get("/readyz").status == 200)
            let log = try await agent.stop()
            #expect(log.contains("reclaimed a leaked sandbox") && log.contains(gone.containerID), "\(log)")
            // The runtime's DEL of what is left works as ever.
            _ = try await node.run("DEL", containerID: podExists.containerID, netns: podExists.namespace.path).requireSuccess()
            _ = try await node.run("DEL", containerID: netnsExists.containerID, netns: netnsExists.namespace.path).requireSuccess()
            #expect(try node.records().isEmpty)
            #expect(try node.reservations.ips().isEmpty)
        }
    }

    @Test("a runtime DEL racing the reclaim: exactly one teardown, no error, nothing left")
    func delRacesReclaim() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let node = cluster.node
            for round in 0..<3 {
                let racer = try await Self.attach("racer-\(round)", cluster: cluster)
                _ = try cluster.server.store.delete(.pods, namespace: "default", name: "racer-\(round)")
                racer.namespace.delete()
                let agent = try await RunningAgent(Self.nodeOptions(node) + [
                    "--kubeconfig", cluster.kubeconfig, "--node", "node-a", "--reclaim", "--reclaim-after", "0.5",
                    "--interval", "0.1",
                ])
                // The runtime's late DEL arrives about when the reclaim comes due.
                try await Task.sleep(for: .milliseconds(450 + 50 * round))
                let del = try await node.run("DEL", containerID: racer.containerID, netns: racer.namespace.path)
                #expect(del.succeeded, "\(del.summary)")
                #expect(try await agent.waitUntil(seconds: 10) {
                    try !node.records().contains { $0.containerID == racer.containerID }
                })
                try await Task.sleep(for: .milliseconds(300))
                let agentLog = try await agent.stop()
                #expect(try node.reservations.held(by: racer.containerID).isEmpty)
                let reclaimed = agentLog.contains("reclaimed a leaked sandbox") && agentLog.contains(racer.containerID)
                let pluginLog = (try? String(contentsOfFile: node.logFile, encoding: .utf8)) ?? ""
                let detached = pluginLog.split(separator: "\n").contains {
                    $0.contains(racer.containerID) && $0.contains("detached")
                }
                #expect(reclaimed != detached, "round \(round): reclaimed \(reclaimed), DEL detached \(detached)\n\(agentLog)")
                #expect(!agentLog.contains("teardown failed"), "\(agentLog)")
            }
        }
    }

    static func nodeLabels(_ cluster: MultinetCluster) -> [String: String] {
        guard let node = cluster.server.store.get(.nodes, name: "node-a"),
              let labels = node["metadata"]?["labels"]?.objectValue else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in labels { out[key] = value.stringValue }
        return out
    }

    @Test("node labels follow which networks are usable: binary installed, removed, NAD deleted; others' labels untouched")
    func nodeLabels() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let node = cluster.node
            _ = try cluster.server.seed(json: #"{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-a","labels":{"zone":"z1"}}}"#)
            _ = try cluster.server.seed(KubeObjects.networkAttachmentDefinition(
                name: "macnet", config: #"{"cniVersion":"1.0.0","name":"macnet","type":"macvlan","mode":"bridge","ipam":{}}"#))
            _ = try cluster.server.seed(KubeObjects.networkAttachmentDefinition(
                name: "special", config: #"{"cniVersion":"1.0.0","name":"special","type":"special-plugin"}"#))
            let agent = try await RunningAgent(Self.nodeOptions(node) + [
                "--kubeconfig", cluster.kubeconfig, "--node", "node-a", "--publish-node-labels",
            ])
            let mac = "net.multinet.dev/default.macnet", special = "net.multinet.dev/default.special"
            #expect(try await agent.waitUntil(seconds: 15) { Self.nodeLabels(cluster)[mac] == "true" }, "\(Self.nodeLabels(cluster))")
            #expect(Self.nodeLabels(cluster)[special] == nil)
            #expect(Self.nodeLabels(cluster)["zone"] == "z1")

            // The plugin is installed: the network becomes usable.
            _ = try node.writeDelegate("special-plugin", script: """
                #!/bin/sh
                echo '{"cniVersion":"1.0.0","supportedVersions":["0.3.1","0.4.0","1.0.0"]}'
                """)
            #expect(try await agent.waitUntil(seconds: 15) { Self.nodeLabels(cluster)[special] == "true" }, "\(Self.nodeLabels(cluster))")
            // The NAD is deleted: its label goes.
            _ = try cluster.server.store.delete(.networkAttachmentDefinitions, namespace: "default", name: "macnet")
            #expect(try await agent.waitUntil(seconds: 15) { Self.nodeLabels(cluster)[mac] == nil }, "\(Self.nodeLabels(cluster))")
            // The plugin is removed again: its label goes too.
            try FileManager.default.removeItem(atPath: node.binDir + "/special-plugin")
            #expect(try await agent.waitUntil(seconds: 15) { Self.nodeLabels(cluster)[special] == nil }, "\(Self.nodeLabels(cluster))")
            #expect(Self.nodeLabels(cluster) == ["zone": "z1"])
            // Nothing changes now: no more patches (the node's resourceVersion stays).
            let version = cluster.server.store.get(.nodes, name: "node-a")?["metadata"]?["resourceVersion"]
            try await Task.sleep(for: .seconds(1))
            #expect(cluster.server.store.get(.nodes, name: "node-a")?["metadata"]?["resourceVersion"] == version)
            let log = try await agent.stop()
            #expect(log.components(separatedBy: "node labels updated").count - 1 == 4, "\(log)")
            // No plugin ran on this node: the agent read no store and created none.
            #expect(!FileManager.default.fileExists(atPath: node.databasePath))
        }
    }
}

/// Every command line the agent refuses: exit non-zero before it starts anything, with a
/// message naming the flag at fault.
@Suite("The agent's command line: what it refuses")
struct AgentCommandLineTests {
    static let rows: [(String, [String], String)] = [
        ("interval too short", ["--interval", "0"], "--interval 0.0: must be at least 0.1 seconds"),
        ("negative grace", ["--reclaim-after=-5"], "--reclaim-after -5.0: must not be negative"),
        ("listen without a port", ["--listen", "127.0.0.1"], "--listen \"127.0.0.1\": expected ADDR:PORT"),
        ("listen port out of range", ["--listen", "0.0.0.0:70000"], "--listen \"0.0.0.0:70000\": expected ADDR:PORT"),
        ("unknown log level", ["--log-level", "loud"], "--log-level \"loud\": expected debug, info"),
        ("hot-plug without an apiserver", ["--hotplug"], "--reclaim, --publish-node-labels and --hotplug need the apiserver"),
        ("reclaim without an apiserver", ["--reclaim"], "--reclaim, --publish-node-labels and --hotplug need the apiserver"),
        ("labels without an apiserver", ["--publish-node-labels"], "--reclaim, --publish-node-labels and --hotplug need the apiserver"),
        ("a number that is not one", ["--interval", "soon"], "--interval"),
    ]

    @Test("refused with exit 64 and the flag named", arguments: rows.indices)
    func refused(row: Int) throws {
        let (name, arguments, message) = Self.rows[row]
        // No KUBERNETES_SERVICE_HOST: the agent has no apiserver unless --kubeconfig names one.
        let result = try Shell.run(["env", "-i", "PATH=/usr/bin:/bin", try RunningAgent.path] + arguments, timeout: 30)
        #expect(result.status == 64, "\(name): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
    }
}
