import Foundation
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// `multinet-agent --hotplug` against real parts: a pod started by the real plugin in a real
/// netns, Debian's macvlan and host-local as the hot-plugged networks, the apiserver double,
/// the agent as its own process; the test changes only the pod's annotation.
@Suite("End to end: hot-plug by the node agent", .endToEnd, .serialized)
struct AgentHotplugTests {
    /// A macvlan NAD on a host veth of its own, host-local in its own subnet and data dir.
    struct MacvlanNAD {
        let name: String
        let dataDir: String

        init(_ name: String, cluster: MultinetCluster) throws {
            let node = cluster.node
            let parent = HostNetwork.uniqueName(prefix: "mnhp")
            try HostNetwork.createVethPair(parent, HostNetwork.uniqueName(prefix: "mnhq"))
            node.track(link: parent)
            self.name = name
            dataDir = try node.directory.directory("ipam-\(name)")
            let config = JSONValue.object(JSONObject([
                ("cniVersion", .string("1.0.0")), ("type", .string("macvlan")), ("master", .string(parent)),
                ("mode", .string("bridge")),
                ("ipam", ConfigFixtures.hostLocalIPAM(subnet: ConfigFixtures.uniqueSubnet(), dataDir: dataDir)),
            ])).jsonText
            try cluster.server.seed(KubeObjects.networkAttachmentDefinition(name: name, config: config))
        }

        func held(by containerID: String) throws -> [HostLocalReservations.Reservation] {
            try HostLocalReservations(dataDir: dataDir, network: name).held(by: containerID)
        }
    }

    /// multinet's own configuration file in the conf dir, as the install loop writes it:
    /// what the agent plans hot-plugs with.
    static func writeOwnConf(_ cluster: MultinetCluster) throws {
        var plugin = try #require(try JSONValue(parsing: Array(cluster.config().utf8)).objectValue)
        let version = plugin["cniVersion"] ?? .string("1.0.0")
        plugin["cniVersion"] = nil
        plugin["name"] = nil
        let list = JSONValue.object(JSONObject([
            ("cniVersion", version), ("name", .string("multinet")), ("plugins", .array([.object(plugin)])),
        ]))
        try cluster.node.writeConf("00-multinet.conflist", list.jsonText)
    }

    /// The setting of most tests: multinet's own conf file, NADs `red` and `blue`, and the
    /// pod `web` started by the runtime's ADD (its default network only).
    struct StartedPod {
        let red: MacvlanNAD
        let blue: MacvlanNAD
        let namespace: NetworkNamespace
        let containerID: String

        init(_ cluster: MultinetCluster) async throws {
            try AgentHotplugTests.writeOwnConf(cluster)
            red = try MacvlanNAD("red", cluster: cluster)
            blue = try MacvlanNAD("blue", cluster: cluster)
            namespace = try cluster.node.namespace()
            containerID = RuntimeInvocation.randomContainerID()
            _ = try await cluster.run("ADD", containerID: containerID, netns: namespace.path).requireSuccess()
        }
    }

    /// The agent's options: this node, the double, hot-plug on.
    static func agentOptions(_ cluster: MultinetCluster) -> [String] {
        AgentTests.nodeOptions(cluster.node) + ["--kubeconfig", cluster.kubeconfig, "--node", "node-a", "--hotplug"]
    }

    static func select(_ value: String, cluster: MultinetCluster) throws {
        try cluster.server.store.mergePatch(.pods, namespace: "default", name: cluster.podName,
                                            ["metadata": ["annotations": [Dialect.npwg: .string(value)]]])
    }

    static func events(_ cluster: MultinetCluster, reason: String) -> [KubeJSON] {
        cluster.server.store.list(.events, namespace: "default").filter { $0.string(at: "reason") == reason }
    }

    static func hotplugCount(_ agent: RunningAgent, _ op: String, _ result: String) throws -> Double? {
        try agent.metric(#"multinet_hotplug_operations_total{op="\#(op)",result="\#(result)"}"#)
    }

    @Test("annotate to add: net1 within 15 s with network-status and an Event; a second: net2, net1 untouched; remove the first: gone, its address freed; a missing NAD: FailedAddingInterface, nothing changed; the runtime's DEL leaves nothing")
    func addAddRemoveMissingDel() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let node = cluster.node
            let pod = try await StartedPod(cluster)
            let (red, blue, ns, id) = (pod.red, pod.blue, pod.namespace, pod.containerID)
            #expect(try ns.linksBesidesLoopback() == ["eth0"])

            let agent = try await RunningAgent(Self.agentOptions(cluster) + ["--interval", "1"])
            // The agent's first list: a plain pod whose selection is its records: nothing to do.
            try await Task.sleep(for: .milliseconds(500))
            #expect(try ns.linksBesidesLoopback() == ["eth0"])

            // Add one.
            let asked = ContinuousClock.now
            try Self.select("red", cluster: cluster)
            #expect(try await agent.waitUntil(seconds: 15) { try ns.addresses(of: "net1").count == 1 },
                    "\((try? ns.linksBesidesLoopback()) ?? [])")
            let took = ContinuousClock.now - asked
            #expect(try await agent.waitUntil(seconds: 5) {
                try cluster.networkStatus()?.contains { $0.name == "default/red" && $0.interface == "net1" } == true
            }, "\(String(describing: cluster.podAnnotation(NetworkStatusEntry.annotation)))")
            let status = try #require(try cluster.networkStatus())
            #expect(status.map(\.interface) == ["eth0", "net1"], "\(status)")
            let net1 = try ns.addresses(of: "net1")
            #expect(status.first { $0.interface == "net1" }?.ips == net1, "\(status)")
            #expect(try await agent.waitUntil(seconds: 5) { !Self.events(cluster, reason: "AddedInterface").isEmpty })
            let added = try #require(Self.events(cluster, reason: "AddedInterface").first)
            #expect(added.string(at: "type") == "Normal")
            #expect(added.string(at: "involvedObject.uid") == cluster.podUID)
            #expect(added.string(at: "source.component") == "multinet-agent")
            #expect(added.string(at: "message")?.contains("net1 (network default/red)") == true)
            #expect(try red.held(by: id).count == 1)
            #expect(try cluster.records(of: id).map { "\($0.ifName):\($0.origin.rawValue)" } == ["eth0:runtime", "net1:hotplug"])
            let json = try InspectorBinary.run(["--once", "-o", "json", "--state-dir", node.stateDir, "--conf-dir", node.confDir,
                                                "--bin-dir", node.binDir + ":/usr/lib/cni"]).requireSuccess().stdout
            #expect(json.contains(#""origin": "hotplug""#) || json.contains(#""origin":"hotplug""#), "\(json)")
            let redMAC = try #require(try ns.mac(of: "net1"))

            // Add a second: net2; net1 untouched.
            try Self.select("red, blue", cluster: cluster)
            #expect(try await agent.waitUntil(seconds: 15) { try ns.addresses(of: "net2").count == 1 })
            #expect(try ns.mac(of: "net1") == redMAC)
            #expect(try ns.addresses(of: "net1").count == 1)
            #expect(try await agent.waitUntil(seconds: 5) { try cluster.networkStatus()?.count == 3 })

            // Remove the first: net1 gone, its reservation freed; net2 stays.
            try Self.select("blue", cluster: cluster)
            #expect(try await agent.waitUntil(seconds: 15) { try !ns.linkExists("net1") })
            #expect(try red.held(by: id).isEmpty)
            #expect(try blue.held(by: id).count == 1)
            #expect(try ns.linksBesidesLoopback() == ["eth0", "net2"])
            #expect(try await agent.waitUntil(seconds: 5) {
                try cluster.networkStatus()?.map(\.interface) == ["eth0", "net2"]
            })
            #expect(try await agent.waitUntil(seconds: 5) { !Self.events(cluster, reason: "RemovedInterface").isEmpty })

            // A NAD that does not exist: FailedAddingInterface, nothing changed.
            let recordsBefore = try cluster.records(of: id)
            try Self.select("blue, ghost", cluster: cluster)
            #expect(try await agent.waitUntil(seconds: 15) { !Self.events(cluster, reason: "FailedAddingInterface").isEmpty })
            let failed = try #require(Self.events(cluster, reason: "FailedAddingInterface").first)
            #expect(failed.string(at: "type") == "Warning")
            #expect(failed.string(at: "message")?.contains("ghost") == true, "\(failed)")
            #expect(try ns.linksBesidesLoopback() == ["eth0", "net2"])
            #expect(try cluster.records(of: id) == recordsBefore)
            #expect(try Self.hotplugCount(agent, "attach", "success") == 2)
            #expect(try Self.hotplugCount(agent, "attach", "failure") == 1)
            #expect(try Self.hotplugCount(agent, "detach", "success") == 1)
            #expect(Self.events(cluster, reason: "AddedInterface").count == 2)

            // The runtime's DEL: no interface, no reservation, no record.
            _ = try await cluster.run("DEL", containerID: id, netns: ns.path).requireSuccess()
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try red.held(by: id).isEmpty && blue.held(by: id).isEmpty)
            #expect(try node.reservations.held(by: id).isEmpty)
            #expect(try cluster.records(of: id).isEmpty)
            let log = try await agent.stop()
            #expect(try await agent.exitStatus() == 0, "\(log)")
            print("hot-plug of net1 took \(took) from the annotation's change")
            ns.delete()
        }
    }

    @Test("a selection changed while the agent was down is applied when it starts; a pod started with its selection gets nothing twice; a new network asking for an interface the pod keeps is refused with an Event")
    func startAndRefusal() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let node = cluster.node
            let pod = try await StartedPod(cluster)
            let (red, blue, ns, id) = (pod.red, pod.blue, pod.namespace, pod.containerID)
            try Self.select("red", cluster: cluster)
            let agent = try await RunningAgent(Self.agentOptions(cluster))
            #expect(try await agent.waitUntil(seconds: 15) { try ns.addresses(of: "net1").count == 1 })
            #expect(try red.held(by: id).count == 1)

            // A new network asking for the interface red keeps: refused, named, nothing changed.
            try Self.select("red, blue@net1", cluster: cluster)
            #expect(try await agent.waitUntil(seconds: 15) { !Self.events(cluster, reason: "HotplugRefused").isEmpty })
            let refused = try #require(Self.events(cluster, reason: "HotplugRefused").first)
            #expect(refused.string(at: "type") == "Warning")
            let message = refused.string(at: "message") ?? ""
            #expect(message.contains("default/web") && message.contains("blue") && message.contains("net1"), "\(message)")
            #expect(try ns.linksBesidesLoopback() == ["eth0", "net1"])
            #expect(try blue.held(by: id).isEmpty)
            #expect(try Self.hotplugCount(agent, "attach", "failure") == 0)

            // A second pod whose ADD already attaches its selection: the agent adds nothing.
            let seeded = try cluster.server.seed(KubeObjects.pod(name: "db", nodeName: "node-a",
                                                                 annotations: [Dialect.npwg: "red"]))
            let dbUID = try #require(seeded.first?.string(at: "metadata.uid"))
            let dbNS = try node.namespace()
            let dbID = RuntimeInvocation.randomContainerID()
            var invocation = node.invocation("ADD", containerID: dbID, netns: dbNS.path, pod: "db", config: cluster.config())
            invocation.args = RuntimeInvocation.kubernetesArgs(namespace: "default", name: "db", uid: dbUID, containerID: dbID)
            _ = try await node.runner.run(invocation).requireSuccess()
            try await Task.sleep(for: .seconds(3))
            #expect(try dbNS.linksBesidesLoopback() == ["eth0", "net1"])
            #expect(try cluster.records(of: dbID).map(\.origin) == [.runtime, .runtime])
            #expect(try Self.hotplugCount(agent, "attach", "success") == 1, "only web's net1, at start")
            try await agent.stop()

            for (id, namespace, pod, uid) in [(id, ns, "web", cluster.podUID), (dbID, dbNS, "db", dbUID)] {
                var del = node.invocation("DEL", containerID: id, netns: namespace.path, pod: pod, config: cluster.config())
                del.args = RuntimeInvocation.kubernetesArgs(namespace: "default", name: pod, uid: uid, containerID: id)
                _ = try await node.runner.run(del).requireSuccess()
                #expect(try namespace.linksBesidesLoopback().isEmpty)
                #expect(try red.held(by: id).isEmpty)
                namespace.delete()
            }
            #expect(try node.records().isEmpty)
        }
    }

    @Test("the runtime's DEL racing a hot-plug, at shifted moments: nothing attached, reserved or recorded afterwards")
    func delRacesHotplug() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let node = cluster.node
            try Self.writeOwnConf(cluster)
            let red = try MacvlanNAD("red", cluster: cluster)
            let agent = try await RunningAgent(Self.agentOptions(cluster))
            for (round, delay) in [0, 30, 90].enumerated() {
                let ns = try node.namespace()
                let id = RuntimeInvocation.randomContainerID()
                _ = try await cluster.run("ADD", containerID: id, netns: ns.path).requireSuccess()
                try Self.select(round % 2 == 0 ? "red" : "red, red", cluster: cluster)
                try await Task.sleep(for: .milliseconds(delay))
                let del = try await cluster.run("DEL", containerID: id, netns: ns.path)
                #expect(del.succeeded, "round \(round): \(del.summary)")
                // Give a hot-plug that waited for the lock its turn, then look.
                try await Task.sleep(for: .seconds(1))
                #expect(try ns.linksBesidesLoopback().isEmpty, "round \(round)")
                #expect(try red.held(by: id).isEmpty, "round \(round)")
                #expect(try node.reservations.held(by: id).isEmpty, "round \(round)")
                #expect(try cluster.records(of: id).isEmpty, "round \(round)")
                ns.delete()
                try Self.select("", cluster: cluster)
            }
            #expect(agent.isRunning)
            try await agent.stop()
        }
    }
}
