import Foundation
import MultinetTestSupport
import Testing
@testable import KubeAPIServerDouble

@Suite("Server lifecycle, seeding and kubeconfig files", .serialized)
struct ServerLifecycleTests {
    @Test("a watch ends when its client goes away")
    func watchEndsWithClient() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            let response = try await curl.request("/api/v1/pods?watch=1", token: server.token, arguments: ["-N"], timeout: 1)
            #expect(response.exitCode == 28)  // curl's own timeout ended it
            #expect(await eventually(within: .seconds(5)) { server.store.openWatchCount == 0 })
        }
    }

    @Test("shutdown ends open watches and stops listening")
    func shutdown() async throws {
        let server = try await KubeAPIServer.start()
        let curl = try Curl(server)
        defer { curl.remove() }
        async let watch = curl.request("/api/v1/pods?watch=1", token: server.token, arguments: ["-N"], timeout: 20)
        try await Task.sleep(for: .milliseconds(500))
        try await server.shutdown()
        let ended = try await watch
        #expect(ended.exitCode == 0 || ended.exitCode == 18, "\(ended.stderr)")
        let refused = try await curl.request("/version", token: server.token, timeout: 5)
        #expect(refused.exitCode == 7)  // could not connect
    }

    @Test("seed tells kinds apart and refuses unknown ones")
    func seed() async throws {
        try await withServer { server in
            let stored = try server.seed(
                KubeObjects.pod(name: "web", podIPs: ["10.1.0.5"]),
                KubeObjects.networkAttachmentDefinition(name: "net1", namespace: "ns1", config: "{}"),
                KubeObjects.network(name: "dbnet"))
            #expect(stored.map { $0.string(at: "kind") } == ["Pod", "NetworkAttachmentDefinition", "Network"])
            #expect(server.store.get(.pods, namespace: "default", name: "web")?.string(at: "status.podIP") == "10.1.0.5")
            #expect(server.store.get(.networkAttachmentDefinitions, namespace: "ns1", name: "net1") != nil)
            let fromJSON = try server.seed(json: #"{"kind":"List","items":[{"apiVersion":"alpha.network.k8s.io/v1","kind":"Network","metadata":{"name":"n2"}}]}"#)
            #expect(fromJSON.first?.string(at: "metadata.namespace") == "default")
            #expect(throws: APIStatusError.self) { try server.seed(["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s"]]) }
        }
    }

    @Test("kubeconfig files: embedded data, or certificate files referenced by relative path")
    func kubeconfigFiles() async throws {
        try await withServer { server in
            let directory = try TemporaryDirectory(prefix: "double-kubeconfig")
            defer { directory.remove() }
            try server.writeKubeconfig(to: directory.file("embedded.json"), format: .json)
            let embedded = try KubeJSON.parse(try directory.read("embedded.json"))
            let cluster = embedded["clusters"]?.arrayValue?.first?["cluster"]
            #expect(cluster?["server"] == .string(server.url))
            let caData = try #require(cluster?["certificate-authority-data"]?.stringValue)
            #expect(String(decoding: Data(base64Encoded: caData)!, as: UTF8.self) == server.caPEM)
            #expect(embedded["users"]?.arrayValue?.first?["user"] == ["token": .string(server.token)])

            try server.writeKubeconfig(
                to: directory.file("files.yaml"), credential: .clientCertificate(user: "jane", groups: []),
                embedCertificates: false, name: "lab")
            let text = try directory.read("files.yaml")
            #expect(text.contains("certificate-authority: lab-ca.crt\n"))
            #expect(text.contains("client-certificate: jane-client.crt\n"))
            #expect(text.contains("client-key: jane-client.key\n"))
            #expect(try directory.read("lab-ca.crt") == server.caPEM)
            #expect(try directory.read("jane-client.key").hasPrefix("-----BEGIN PRIVATE KEY-----"))
            let mode = try FileManager.default.attributesOfItem(atPath: directory.file("jane-client.key"))[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }
}
