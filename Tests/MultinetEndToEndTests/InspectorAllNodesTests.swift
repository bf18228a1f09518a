import Foundation
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// `multinet-inspect --all-nodes` against the apiserver double alone: no store, no node.
@Suite("End to end: the inspector's cluster view", .endToEnd)
struct InspectorAllNodesTests {
    static func status(_ network: String, _ interface: String, _ ip: String) -> String {
        #"[{"name":"podnet","interface":"eth0","ips":["10.1.0.\#(ip)/16"],"default":true},"#
            + #"{"name":"\#(network)","interface":"\#(interface)","ips":["192.168.9.\#(ip)"],"mac":"0a:00:00:00:00:\#(ip)"}]"#
    }

    @Test("pods of two nodes with their node, listed a page at a time; pods without network-status left out")
    func twoNodes() async throws {
        try await KubeAPIServer.with { server in
            let directory = try TemporaryDirectory(prefix: "mn-allnodes")
            defer { directory.remove() }
            let kubeconfig = try server.writeKubeconfig(to: directory.file("kubeconfig"), format: .yaml)
            let key = "k8s.v1.cni.cncf.io/network-status"
            try server.seed(
                KubeObjects.pod(name: "a1", nodeName: "node-a", annotations: [key: Self.status("default/macnet", "net1", "11")]),
                KubeObjects.pod(name: "a2", nodeName: "node-a", annotations: [key: Self.status("default/macnet", "net1", "12")]),
                KubeObjects.pod(name: "b1", namespace: "kube-system", nodeName: "node-b",
                                annotations: [key: Self.status("kube-system/storage", "net2", "21")]),
                KubeObjects.pod(name: "b2", nodeName: "node-b", annotations: [key: Self.status("default/macnet", "net1", "22")]),
                KubeObjects.pod(name: "plain", nodeName: "node-b"))
            let options = ["--all-nodes", "--kubeconfig", kubeconfig, "--page-size", "2",
                           "--state-dir", directory.file("no-store-here")]
            let result = try InspectorBinary.run(["--once", "-o", "json"] + options).requireSuccess()
            let document = try #require(try JSONValue(parsing: Array(result.stdout.utf8)).objectValue)
            let pods = document["pods"]?.arrayValue ?? []
            #expect(pods.map { "\($0["namespace"]?.stringValue ?? "")/\($0["name"]?.stringValue ?? "")@\($0["node"]?.stringValue ?? "")" }
                    == ["default/a1@node-a", "default/a2@node-a", "default/b2@node-b", "kube-system/b1@node-b"])
            let b1 = try #require(pods.last?.objectValue)
            let interfaces = b1["attachments"]?.arrayValue ?? []
            #expect(interfaces.map { $0["interface"]?.stringValue } == ["eth0", "net2"])
            #expect(interfaces.last?["network"]?.stringValue == "kube-system/storage")
            #expect(interfaces.last?["ips"] == .array([.string("192.168.9.21")]))
            #expect(interfaces.last?["mac"]?.stringValue == "0a:00:00:00:00:21")
            #expect(interfaces.first?["default"] == .bool(true))
            #expect(document["allNodes"] == .bool(true) && document["drift"] == .array([]))
            // Paginated: five pods at two per page is three lists, each after the first with a continue token.
            let lists = server.requests.requests(method: "GET", pathPrefix: "/api/v1/pods")
            #expect(lists.count == 3 && lists.allSatisfy { $0.queryValue("limit") == "2" }, "\(lists)")
            #expect(lists.dropFirst().allSatisfy { !($0.queryValue("continue") ?? "").isEmpty }, "\(lists)")
            // No store was needed, and none was created.
            #expect(!FileManager.default.fileExists(atPath: directory.file("no-store-here")))

            let table = try InspectorBinary.run(["--once"] + options).requireSuccess().stdout
            #expect(table.hasPrefix("nodes:      all"))
            #expect(!table.contains("store:"))
            let b1Line = table.split(separator: "\n").first { $0.contains("b1") && $0.contains("net2") } ?? ""
            #expect(b1Line.contains("node-b") && b1Line.contains("kube-system/storage") && b1Line.contains("192.168.9.21"))
        }
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var message: String
        var testDescription: String { name }
    }

    @Test("bad cluster-view options exit 2 and say why", arguments: [
        Rejection(name: "--all-nodes without any kubeconfig", arguments: ["--all-nodes", "--once"],
                  message: "--all-nodes reads the apiserver alone: no usable kubeconfig"),
        Rejection(name: "a page size of zero", arguments: ["--all-nodes", "--once", "--page-size", "0"],
                  message: "--page-size must be a positive number of pods"),
        Rejection(name: "a page size that is not a number", arguments: ["--once", "--page-size", "many"],
                  message: "--page-size"),
    ])
    func rejected(_ row: Rejection) throws {
        let directory = try TemporaryDirectory(prefix: "mn-allnodes-bad")
        defer { directory.remove() }
        // No KUBECONFIG, a HOME without ~/.kube, not in a cluster.
        let result = try Shell.run(["env", "-i", "PATH=/usr/bin:/bin", "HOME=\(directory.path)", try InspectorBinary.path]
                                   + row.arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(row.message), "\(result.stderr)")
    }
}
