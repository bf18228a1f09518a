import Foundation
import Glibc
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// The real binary reading pods from the apiserver double over TLS, through each
/// kubeconfig shape, and failing cleanly — nothing attached — when the apiserver misbehaves.
@Suite("End to end: the apiserver", .endToEnd)
struct ApiserverTests {
    /// A node and an apiserver holding the pod `default/web` with UID `uid-web`.
    struct Setup {
        let node: MultinetNode
        let server: KubeAPIServer
        let kubeconfig: String
        /// The UID the apiserver gave the pod.
        let podUID: String

        static func make(credential: KubeconfigCredential? = nil, format: KubeconfigFormat = .json,
                         embed: Bool = true, apiTimeout: Double = 3) async throws -> Setup {
            let node = try MultinetNode()
            var configuration = KubeAPIServerConfiguration()
            configuration.basicAccounts = ["cni": BasicAccount(password: "s3cret", user: KubeUser(name: "cni"))]
            let server = try await KubeAPIServer.start(configuration)
            let seeded = try server.seed(KubeObjects.pod(name: "web", namespace: "default", nodeName: "node-a",
                                                         annotations: ["unrelated": "yes"]))
            let podUID = try #require(seeded.first?.value(at: "metadata.uid")?.stringValue)
            let dir = try node.directory.directory("kube")
            let path = try server.writeKubeconfig(to: dir + "/kubeconfig", credential: credential, format: format,
                                                  embedCertificates: embed)
            if case .tokenFile(let file) = credential {
                try server.token.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
            }
            return Setup(node: node, server: server, kubeconfig: path, podUID: podUID)
        }

        func config(apiTimeout: Double = 3, extra: KeyValuePairs<String, JSONValue> = [:]) -> String {
            var object = (try? JSONValue(parsing: node.config()))?.objectValue ?? JSONObject()
            object["kubeconfig"] = .string(kubeconfig)
            object["apiTimeoutSeconds"] = .number(String(apiTimeout))
            for (key, value) in extra { object[key] = value }
            return JSONValue.object(object).jsonText
        }

        /// A runtime's invocation for the pod `default/NAME` with the given UID.
        func invocation(_ command: String, containerID: String, netns: String, pod: String = "web",
                        uid: String? = nil, config: String) -> RuntimeInvocation {
            var invocation = node.invocation(command, containerID: containerID, netns: netns, pod: pod, config: config)
            invocation.args = RuntimeInvocation.kubernetesArgs(namespace: "default", name: pod, uid: uid ?? podUID,
                                                               containerID: containerID)
            return invocation
        }

        func cleanUp() async {
            try? await server.shutdown()
            node.cleanUp()
        }
    }

    /// One way a kubeconfig can authenticate: its credential, whether certificates are
    /// embedded (`-data`) or files beside it, and the user the apiserver must see.
    struct Shape: Sendable, CustomTestStringConvertible {
        var name: String
        var credential: KubeconfigCredential?
        var embed: Bool
        var user: String
        var format: KubeconfigFormat
        var testDescription: String { "\(name), \(format == .yaml ? "YAML" : "JSON")" }
    }

    static let shapes: [Shape] = {
        let rows: [(String, KubeconfigCredential?, Bool, String)] = [
            ("token, CA -data", nil, true, "admin"),
            ("token file, CA file", .tokenFile("token"), false, "admin"),
            ("client certificate -data", .clientCertificate(user: "system:node:node-a", groups: ["system:nodes"]), true, "system:node:node-a"),
            ("client certificate files beside the kubeconfig", .clientCertificate(user: "system:node:node-a", groups: ["system:nodes"]), false,
             "system:node:node-a"),
            ("basic auth", .basic(username: "cni", password: "s3cret"), true, "cni"),
        ]
        return rows.flatMap { name, credential, embed, user in
            [KubeconfigFormat.yaml, .json].map { Shape(name: name, credential: credential, embed: embed, user: user, format: $0) }
        }
    }()

    @Test("ADD reads the pod as the kubeconfig's user, YAML or JSON, for each shape; DEL does not contact the apiserver",
          arguments: shapes)
    func kubeconfigShapes(_ shape: Shape) async throws {
        let setup = try await Setup.make(credential: shape.credential, format: shape.format, embed: shape.embed)
        do {
            let text = try String(contentsOfFile: setup.kubeconfig, encoding: .utf8)
            #expect(text.hasPrefix("{") == (shape.format == .json), "the double wrote the wrong format:\n\(text)")
            let ns = try setup.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let before = setup.server.requests.count
            try await setup.node.runner.run(setup.invocation("ADD", containerID: id, netns: ns.path, config: setup.config())).requireSuccess()
            let podReads = setup.server.requests.requests(method: "GET", pathPrefix: "/api/v1/namespaces/default/pods/web")
            #expect(podReads.count == 1)
            #expect(podReads.first?.status == 200)
            #expect(podReads.first?.user == shape.user, "\(podReads)")
            #expect(try ns.linkExists("eth0"))
            let afterAdd = setup.server.requests.count
            #expect(afterAdd > before)
            try await setup.node.runner.run(setup.invocation("DEL", containerID: id, netns: ns.path, config: setup.config())).requireSuccess()
            #expect(setup.server.requests.count == afterAdd, "DEL must not contact the apiserver")
            #expect(try ns.links().filter { $0 != "lo" }.isEmpty)
            #expect(try setup.node.reservations.ips().isEmpty)
            #expect(try setup.node.records().isEmpty)
        } catch {
            await setup.cleanUp()
            throw error
        }
        await setup.cleanUp()
    }

    /// One way the apiserver can fail an ADD, and the CNI error code and text it must give.
    struct Failure: Sendable, CustomTestStringConvertible {
        var name: String
        var code: Int
        var fragment: String
        var testDescription: String { name }
    }

    static let failureCases: [Failure] = [
        Failure(name: "the pod's UID differs from K8S_POD_UID", code: 3, fragment: "K8S_POD_UID uid-of-an-older-pod does not match the apiserver's pod UID"),
        Failure(name: "the token is rejected", code: 11, fragment: "Unauthorized"),
        Failure(name: "the CA does not match", code: 7, fragment: "certificate"),
        Failure(name: "the apiserver answers 500", code: 11, fragment: "cannot read pod default/web"),
        Failure(name: "the apiserver resets every connection", code: 11, fragment: "cannot read pod default/web"),
        Failure(name: "the apiserver is gone", code: 11, fragment: "cannot read pod default/web"),
        Failure(name: "the pod does not exist", code: 3, fragment: "NotFound"),
    ]

    @Test("apiserver trouble fails the ADD with a clear CNI error and nothing attached", arguments: failureCases)
    func failures(_ failure: Failure) async throws {
        let setup = try await Setup.make()
        do {
            var config = setup.config(apiTimeout: 2)
            var uid = setup.podUID
            var pod = "web"
            var outage: ClosedPort?
            switch failure.name {
            case "the pod's UID differs from K8S_POD_UID": uid = "uid-of-an-older-pod"
            case "the token is rejected": setup.server.faults.rejectAllAuthentication = true
            case "the CA does not match":
                let other = try await KubeAPIServer.start()
                let otherCA = try setup.node.directory.write("other-ca.crt", contents: other.caPEM)
                try? await other.shutdown()
                var object = try JSONValue(parsing: String(contentsOfFile: setup.kubeconfig, encoding: .utf8)).objectValue!
                var clusters = object["clusters"]!.arrayValue!
                var cluster = clusters[0].objectValue!
                var inner = cluster["cluster"]!.objectValue!
                inner["certificate-authority-data"] = nil
                inner["certificate-authority"] = .string(otherCA)
                cluster["cluster"] = .object(inner)
                clusters[0] = .object(cluster)
                object["clusters"] = .array(clusters)
                try JSONValue.object(object).jsonText.write(toFile: setup.kubeconfig, atomically: true, encoding: .utf8)
            case "the apiserver answers 500": setup.server.faults.failAll(status: 500)
            case "the apiserver resets every connection": setup.server.faults.dropAll()
            case "the apiserver is gone":
                // Not a bare shutdown: its freed port may go to another test's server.
                outage = try await setup.server.shutdownLeavingNothingListening(kubeconfigs: [setup.kubeconfig])
            case "the pod does not exist": pod = "absent"
            default: Issue.record("unknown case \(failure.name)")
            }
            config = setup.config(apiTimeout: 2)
            let ns = try setup.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let invocation = setup.invocation("ADD", containerID: id, netns: ns.path, pod: pod, uid: uid, config: config)
            let result = try await setup.node.runner.run(invocation)
            #expect(result.exitCode == 1, "\(result.summary)")
            let error = try #require(result.cniError, "\(result.summary)")
            #expect(error.code == failure.code, "\(error)")
            #expect(error.description.contains(failure.fragment), "\(error)")
            #expect(!error.description.contains(KubeAPIServerConfiguration.defaultToken), "the token leaked into the error")
            #expect(try ns.links().filter { $0 != "lo" }.isEmpty)
            #expect(try setup.node.reservations.ips().isEmpty)
            #expect(try setup.node.records().isEmpty)
            // DEL works whatever the apiserver does.
            try await setup.node.run("DEL", containerID: id, netns: ns.path, config: config).requireSuccess()
            let log = (try? String(contentsOfFile: setup.node.logFile, encoding: .utf8)) ?? ""
            #expect(!log.contains(KubeAPIServerConfiguration.defaultToken), "the token leaked into the log")
            withExtendedLifetime(outage) {}
        } catch {
            await setup.cleanUp()
            throw error
        }
        await setup.cleanUp()
    }

    @Test("pod annotations passed by the runtime skip the apiserver entirely")
    func runtimeAnnotations() async throws {
        let setup = try await Setup.make()
        do {
            let ns = try setup.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setup.config(extra: ["runtimeConfig": .object(JSONObject([
                ("io.kubernetes.cri.pod-annotations", .object(JSONObject([("unrelated", .string("yes"))]))),
            ]))])
            try await setup.node.run("ADD", containerID: id, netns: ns.path, config: config).requireSuccess()
            #expect(setup.server.requests.count == 0)
            try await setup.node.run("DEL", containerID: id, netns: ns.path, config: config).requireSuccess()
        } catch {
            await setup.cleanUp()
            throw error
        }
        await setup.cleanUp()
    }
}
