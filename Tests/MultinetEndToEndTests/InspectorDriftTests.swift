import Foundation
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// The inspector's reconciliation against real parts: three pods attached by the real
/// `multinet` (the node's bridge on eth0, NAD `default/macnet`, a macvlan, on net1) in real
/// netns, then changed out of band as an operator or a crash would.
@Suite("End to end: drift between the cluster, the store and the kernel", .endToEnd, .serialized)
struct InspectorDriftTests {
    struct Pod {
        let name: String
        let uid: String
        let containerID: String
        let namespace: NetworkNamespace
    }

    /// `web`, `db` and `cache` on node-a, each attached.
    struct ThreePods {
        let cluster: MultinetCluster
        let networks: NPWGNetworks
        let pods: [String: Pod]

        static func make() async throws -> ThreePods {
            let cluster = try await MultinetCluster(annotations: [Dialect.npwg: "macnet"], podName: "web")
            do {
                let networks = try NPWGNetworks(cluster)
                var pods: [String: Pod] = [:]
                for name in ["web", "db", "cache"] {
                    var uid = cluster.podUID
                    if name != "web" {
                        let seeded = try cluster.server.seed(KubeObjects.pod(name: name, nodeName: "node-a",
                                                                             annotations: [Dialect.npwg: "macnet"]))
                        uid = try #require(seeded.first?.string(at: "metadata.uid"))
                    }
                    let namespace = try cluster.node.namespace()
                    let id = RuntimeInvocation.randomContainerID()
                    var invocation = cluster.node.invocation("ADD", containerID: id, netns: namespace.path, pod: name,
                                                             config: cluster.config())
                    invocation.args = RuntimeInvocation.kubernetesArgs(namespace: "default", name: name, uid: uid, containerID: id)
                    try await cluster.node.runner.run(invocation).requireSuccess()
                    pods[name] = Pod(name: name, uid: uid, containerID: id, namespace: namespace)
                }
                return ThreePods(cluster: cluster, networks: networks, pods: pods)
            } catch {
                await cluster.cleanUp()
                throw error
            }
        }

        /// The inspector's options for this node.
        var options: [String] {
            let node = cluster.node
            return ["--state-dir", node.stateDir, "--conf-dir", node.confDir, "--bin-dir", node.binDir + ":/usr/lib/cni",
                    "--kubeconfig", cluster.kubeconfig, "--node", "node-a"]
        }

        func json() throws -> JSONObject {
            let result = try InspectorBinary.run(["--once", "-o", "json"] + options).requireSuccess()
            return try #require(try JSONValue(parsing: Array(result.stdout.utf8)).objectValue)
        }

        /// `(pod, interface, kind)` of every drift entry.
        func drift() throws -> Set<String> {
            Set(try json()["drift"]?.arrayValue?.map { entry in
                "\(entry["pod"]?.stringValue ?? "?") \(entry["interface"]?.stringValue ?? "?") \(entry["kind"]?.stringValue ?? "?")"
            } ?? [])
        }

        /// Out of band: web's net1 deleted, db's eth0 address changed, cache's pod object
        /// deleted and its netns removed.
        func breakThings() throws {
            let web = pods["web"]!, db = pods["db"]!, cache = pods["cache"]!
            try web.namespace.run(["ip", "link", "del", "net1"]).requireSuccess()
            let address = try #require(try db.namespace.addresses(of: "eth0").first)
            let parts = address.split(separator: "/")
            var octets = parts[0].split(separator: ".").map(String.init)
            octets[3] = octets[3] == "250" ? "251" : "250"
            try db.namespace.run(["ip", "addr", "del", address, "dev", "eth0"]).requireSuccess()
            try db.namespace.run(["ip", "addr", "add", octets.joined(separator: ".") + "/" + parts[1], "dev", "eth0"]).requireSuccess()
            _ = try cluster.server.store.delete(.pods, namespace: "default", name: "cache")
            cache.namespace.delete()
        }

        static let expectedDrift: Set<String> = [
            "web net1 interface-missing", "db eth0 address-mismatch",
            "cache eth0 pod-gone", "cache eth0 netns-gone", "cache net1 pod-gone", "cache net1 netns-gone",
        ]

        func cleanUp() async {
            for pod in pods.values { pod.namespace.delete() }
            await cluster.cleanUp()
        }
    }

    @Test("no drift while everything agrees; then exactly the out-of-band changes, for exactly those attachments")
    func driftKinds() async throws {
        let setup = try await ThreePods.make()
        do {
            let before = try setup.json()
            #expect(before["drift"] == .array([]), "\(before["drift"] ?? .null)")
            #expect(before["kernel"]?["read"] == .number("3") && before["kernel"]?["unknown"] == .number("0"))
            try setup.breakThings()
            let document = try setup.json()
            let found = try setup.drift()
            #expect(found == ThreePods.expectedDrift, "\(document["drift"] ?? .null)")
            let entries = document["drift"]?.arrayValue ?? []
            for entry in entries {
                let pod = try #require(setup.pods[entry["pod"]?.stringValue ?? ""])
                #expect(entry["containerID"]?.stringValue == pod.containerID)
                #expect(entry["namespace"]?.stringValue == "default")
                #expect(entry["since"]?.stringValue?.hasSuffix("Z") == true)
                #expect(entry["detail"]?.stringValue?.isEmpty == false)
            }
            let mismatch = entries.first { $0["kind"]?.stringValue == "address-mismatch" }
            #expect(mismatch?["detail"]?.stringValue?.contains("the kernel has") == true)
            // Without CAP_SYS_ADMIN (a container, a user without root) the kernel is unknown:
            // no kernel drift at all, not even for the netns that is really gone.
            let unprivileged = try Shell.run(["setpriv", "--bounding-set", "-sys_admin", try InspectorBinary.path,
                                              "--once", "-o", "json"] + setup.options).requireSuccess()
            let limited = try #require(try JSONValue(parsing: Array(unprivileged.stdout.utf8)).objectValue)
            let limitedKinds = Set((limited["drift"]?.arrayValue ?? []).map {
                "\($0["pod"]?.stringValue ?? "?") \($0["interface"]?.stringValue ?? "?") \($0["kind"]?.stringValue ?? "?")"
            })
            #expect(limitedKinds == ["cache eth0 pod-gone", "cache net1 pod-gone"], "\(limited["drift"] ?? .null)")
            #expect(limited["kernel"]?["unknown"] == .number("3") && limited["kernel"]?["read"] == .number("0"))
            let table = try InspectorBinary.run(["--once"] + setup.options).requireSuccess().stdout
            #expect(table.contains("\nDRIFT\n") && table.contains("interface-missing") && table.contains("pod-gone"))
            #expect(table.contains("kernel:     3 netns read\n"), "\(table)")
        } catch {
            await setup.cleanUp()
            throw error
        }
        await setup.cleanUp()
    }

    @Test("the curses view: 4 shows the drift, :drift gets there too, r on the leak tears it down and frees its addresses")
    func driftView() async throws {
        try TmuxSession.require()
        let setup = try await ThreePods.make()
        let cache = setup.pods["cache"]!
        let reservations = [setup.cluster.node.reservations,
                            HostLocalReservations(dataDir: setup.networks.macDataDir, network: "macnet")]
        try setup.breakThings()
        #expect(try reservations.allSatisfy { try !$0.held(by: cache.containerID).isEmpty }, "the leak holds its addresses")
        let command = ([try InspectorBinary.path] + setup.options).map { "'\($0)'" }.joined(separator: " ")
        let tmux = try TmuxSession.start(command, environment: InspectorTerminalTests.environment(), width: 160, height: 40)
        defer { tmux.kill() }
        do {
            try tmux.waitFor("the first snapshot") { $0.contains("4 Drift 6") }
            try tmux.send("4")
            let view = try tmux.waitFor("the Drift view") { screen in
                ["interface-missing", "address-mismatch", "pod-gone", "netns-gone"].allSatisfy { screen.contains($0) }
            }
            #expect(view.contains("[4 Drift 6]"), "\(view)")
            try tmux.send("1")
            try tmux.waitFor("the Networks view") { $0.contains("[1 Networks") }
            try tmux.send(":")
            try tmux.send("-l", "dri")
            try tmux.send("Tab")
            try tmux.waitFor("the completed command") { $0.contains(":drift") }
            try tmux.send("Enter")
            try tmux.waitFor("the Drift view from :drift") { $0.contains("[4 Drift 6]") && $0.contains("address-mismatch") }
            try tmux.send("/")
            try tmux.send("-l", "pod-gone")
            try tmux.send("Enter")
            try tmux.waitFor("the leak's rows") { !$0.contains("address-mismatch") && $0.contains("default/cache") }
            try tmux.send("r")
            try tmux.waitFor("the confirmation") { screen in
                ["Tear down the leak?", "default/cache", String(cache.containerID.prefix(20)), "eth0 (podnet)",
                 "net1 (default/macnet)"].allSatisfy { screen.contains($0) }
            }
            #expect(try setup.cluster.node.records().contains { $0.containerID == cache.containerID }, "nothing may run before y")
            try tmux.send("y")
            try tmux.waitFor("the outcome", timeout: 30) { $0.contains("Done") && $0.contains("torn down") }
            #expect(try !setup.cluster.node.records().contains { $0.containerID == cache.containerID })
            for reservation in reservations {
                #expect(try reservation.held(by: cache.containerID).isEmpty, "\(reservation.directory)")
            }
            // The other pods' attachments are untouched.
            #expect(try setup.cluster.node.records().count == 4)
            // It went through the reclaim's code: the tombstone a later runtime DEL finds.
            let tombstones = try Shell.check(["sqlite3", setup.cluster.node.databasePath,
                                              "SELECT count(*) FROM reclaimed WHERE container_id = '\(cache.containerID)'"])
            #expect(tombstones.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            try tmux.send("Escape")
            try tmux.waitFor("the outcome closed") { !$0.contains("Done") }
            try tmux.send("Escape")
            try tmux.waitFor("the refreshed Drift view, unfiltered") { $0.contains("[4 Drift 2]") && !$0.contains("pod-gone") }
            try tmux.send("q")
            try tmux.waitFor("the exit") { $0.contains("EXIT=0") }
        } catch {
            Issue.record("screen: \((try? tmux.screen()) ?? "?")")
            await setup.cleanUp()
            throw error
        }
        await setup.cleanUp()
    }
}
