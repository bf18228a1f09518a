import Foundation
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// The real `multinet-inspect` against a store written by the real `multinet` (an ADD of
/// the pod network plus a NAD whose delegate fails its first DEL) and the apiserver double.
@Suite("End to end: the inspector", .endToEnd)
struct InspectorTests {
    /// A pod `default/web` on `node-a` with `podnet` on eth0 and NAD `default/flaky` on net1,
    /// attached by the real plugin, then a DEL whose `flaky` teardown failed.
    struct FailedTeardown {
        let cluster: MultinetCluster
        let containerID: String
        let marker: String

        /// Runs `body` with a fresh setup and always cleans the cluster up afterwards.
        static func with(_ body: (FailedTeardown) async throws -> Void) async throws {
            let setup = try await make()
            do {
                try await body(setup)
            } catch {
                await setup.cluster.cleanUp()
                throw error
            }
            await setup.cluster.cleanUp()
        }

        static func make() async throws -> FailedTeardown {
            let cluster = try await MultinetCluster(annotations: ["k8s.v1.cni.cncf.io/networks": "flaky"])
            do {
                let node = cluster.node
                let marker = node.directory.file("fail-next-del")
                try node.writeDelegate("flaky", script: FlakyTeardownPlugin.script(marker: marker))
                try cluster.server.seed(KubeObjects.networkAttachmentDefinition(
                    name: "flaky", config: #"{"cniVersion":"1.0.0","name":"flaky","type":"flaky"}"#))
                let ns = try node.namespace()
                let id = RuntimeInvocation.randomContainerID()
                try await cluster.run("ADD", containerID: id, netns: ns.path).requireSuccess()
                try "x".write(toFile: marker, atomically: true, encoding: .utf8)
                let del = try await cluster.run("DEL", containerID: id, netns: ns.path)
                #expect(del.exitCode != 0)
                return FailedTeardown(cluster: cluster, containerID: id, marker: marker)
            } catch {
                await cluster.cleanUp()
                throw error
            }
        }

        /// The options pointing the inspector at this node.
        var options: [String] {
            let node = cluster.node
            return ["--state-dir", node.stateDir, "--conf-dir", node.confDir, "--bin-dir", node.binDir + ":/usr/lib/cni",
                    "--kubeconfig", cluster.kubeconfig, "--node", "node-a"]
        }

        func json(_ extra: [String] = []) throws -> JSONObject {
            let result = try InspectorBinary.run(["--once", "-o", "json"] + options + extra).requireSuccess()
            return try #require(try JSONValue(parsing: Array(result.stdout.utf8)).objectValue)
        }
    }

    @Test("--once -o json names the failed teardown; retry tears it down (exit 0), a second retry exits 2")
    func failedTeardownAndRetry() async throws {
        try await FailedTeardown.with { setup in
            let document = try setup.json()
            let failures = try #require(document["failures"]?.arrayValue?.compactMap { $0.objectValue })
            #expect(failures.count == 1)
            let failure = try #require(failures.first)
            #expect(failure["containerID"]?.stringValue == setup.containerID)
            #expect(failure["namespace"]?.stringValue == "default")
            #expect(failure["pod"]?.stringValue == "web")
            #expect(failure["network"]?.stringValue == "default/flaky")
            #expect(failure["interface"]?.stringValue == "net1")
            #expect(failure["operation"]?.stringValue == "del")
            #expect(failure["error"]?.stringValue?.contains("flaky refuses this DEL once") == true)
            #expect(failure["attempts"] == .number("1"))
            #expect(failure["lastAttempt"]?.stringValue?.hasSuffix("Z") == true)
            let pod = try #require(document["pods"]?.arrayValue?.compactMap { $0.objectValue }.first { $0["name"]?.stringValue == "web" })
            #expect(pod["containerID"]?.stringValue == setup.containerID)
            let attachment = try #require(pod["attachments"]?.arrayValue?.first?.objectValue)
            #expect(attachment["interface"]?.stringValue == "net1")
            #expect(attachment["ips"] == .array([.string("10.77.0.5/24")]))
            #expect(attachment["mac"]?.stringValue == "02:00:00:00:77:05")
            #expect(attachment["state"]?.stringValue == "del_failed")

            let table = try InspectorBinary.run(["--once"] + setup.options).requireSuccess().stdout
            #expect(table.contains("FAILURES") && table.contains(setup.containerID) && table.contains("10.77.0.5/24"))

            let retry = try InspectorBinary.run(["retry", setup.containerID] + setup.options)
            #expect(retry.status == 0, "\(retry.stdout)\(retry.stderr)")
            #expect(retry.stdout.contains("torn down default/web network default/flaky on net1"))
            #expect(try setup.cluster.node.records().isEmpty)
            let again = try InspectorBinary.run(["retry", setup.containerID] + setup.options)
            #expect(again.status == 2)
            #expect(again.stderr.contains("has no attachment recorded"))
        }
    }

    @Test("--read-only --once leaves every file of the state dir as it was; retry --read-only is refused")
    func readOnly() async throws {
        try await FailedTeardown.with { setup in
            let state = setup.cluster.node.stateDir
            let before = try Self.fingerprint(state)
            _ = try setup.json(["--read-only"])
            _ = try InspectorBinary.run(["--once", "--read-only"] + setup.options).requireSuccess()
            #expect(try Self.fingerprint(state) == before)
            #expect(!before.keys.contains { $0.hasSuffix("-journal") })
            let refused = try InspectorBinary.run(["retry", setup.containerID, "--read-only"] + setup.options)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("--read-only"))
            #expect(try setup.cluster.node.records().map(\.state) == [.delFailed])
        }
    }

    @Test("the node's pods via the field selector, NADs as networks; with the apiserver stopped the store's pods still show")
    func apiserver() async throws {
        try await FailedTeardown.with { setup in
            let server = setup.cluster.server
            try server.seed(KubeObjects.pod(name: "idle", namespace: "default", nodeName: "node-a"))
            try server.seed(KubeObjects.pod(name: "elsewhere", namespace: "default", nodeName: "node-b"))
            let document = try setup.json()
            let podLists = server.requests.requests(method: "GET", pathPrefix: "/api/v1/pods")
            #expect(podLists.contains { $0.queryValue("fieldSelector") == "spec.nodeName=node-a" }, "\(podLists)")
            #expect(document["apiserver"]?.objectValue?["state"]?.stringValue == "reachable")
            let names = document["pods"]?.arrayValue?.compactMap { $0.objectValue?["name"]?.stringValue } ?? []
            #expect(names == ["idle", "web"])
            let networks = document["networks"]?.arrayValue?.compactMap { $0.objectValue } ?? []
            let flaky = try #require(networks.first { $0["name"]?.stringValue == "flaky" })
            #expect(flaky["kind"]?.stringValue == "NetworkAttachmentDefinition")
            #expect(flaky["namespace"]?.stringValue == "default")
            #expect(flaky["usable"] == .bool(true))
            #expect(networks.contains { $0["name"]?.stringValue == "podnet" && $0["kind"]?.stringValue == "file" })

            let outage = try await server.shutdownLeavingNothingListening(kubeconfigs: [setup.cluster.kubeconfig])
            let offline = try setup.json()
            let apiserver = try #require(offline["apiserver"]?.objectValue)
            #expect(apiserver["state"]?.stringValue == "unreachable")
            #expect(apiserver["error"]?.stringValue?.isEmpty == false)
            let offlinePods = offline["pods"]?.arrayValue?.compactMap { $0.objectValue } ?? []
            #expect(offlinePods.map { $0["name"]?.stringValue } == ["web"])
            #expect(offlinePods.first?["containerID"]?.stringValue == setup.containerID)
            #expect(offline["failures"]?.arrayValue?.count == 1)
            let table = try InspectorBinary.run(["--once"] + setup.options).requireSuccess().stdout
            #expect(table.contains("apiserver:  UNREACHABLE"))
            withExtendedLifetime(outage) {}
        }
    }

    /// Every file of a directory: size, modification time and content; plus the directory's own mtime.
    static func fingerprint(_ directory: String) throws -> [String: String] {
        var out: [String: String] = [:]
        let manager = FileManager.default
        out["."] = "\(try manager.attributesOfItem(atPath: directory)[.modificationDate] ?? "")"
        for name in try manager.contentsOfDirectory(atPath: directory) {
            let path = directory + "/" + name
            let attributes = try manager.attributesOfItem(atPath: path)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            out[name] = "\(data.count) \(attributes[.modificationDate] ?? "") \(data.base64EncodedString().hashValue)"
        }
        return out
    }
}
