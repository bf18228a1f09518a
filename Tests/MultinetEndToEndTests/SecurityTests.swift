import Foundation
import Glibc
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// The security promises, through the real binaries: the store's permissions are tightened
/// whatever they were, no credential reaches a log at any level, and a retry needs a
/// writable store.
@Suite("End to end: security", .endToEnd)
struct SecurityTests {
    static func mode(_ path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw TestSupportError.unexpectedOutput(command: ["stat", path], reason: "no such file", output: "") }
        return Int(info.st_mode & 0o7777)
    }

    @Test("a state dir loosened to 0755 with a 0644 database (and -wal, -shm) is 0700/0600 again after one ADD")
    func stateTightened() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let ns = try node.namespace()
        let first = RuntimeInvocation.randomContainerID()
        try await node.run("ADD", containerID: first, netns: ns.path).requireSuccess()
        let files = [node.databasePath, node.databasePath + "-wal", node.databasePath + "-shm"]
            .filter { FileManager.default.fileExists(atPath: $0) }
        #expect(files.contains(node.databasePath))
        chmod(node.stateDir, 0o755)
        for file in files { chmod(file, 0o644) }
        #expect(try Self.mode(node.stateDir) == 0o755 && Self.mode(node.databasePath) == 0o644)

        let other = try node.namespace()
        let second = RuntimeInvocation.randomContainerID()
        try await node.run("ADD", containerID: second, netns: other.path).requireSuccess()
        #expect(try Self.mode(node.stateDir) == 0o700)
        for file in [node.databasePath, node.databasePath + "-wal", node.databasePath + "-shm"]
        where FileManager.default.fileExists(atPath: file) {
            #expect(try Self.mode(file) == 0o600, "\(file)")
        }
        #expect(try Self.mode(node.logFile) == 0o600)
        try await node.run("DEL", containerID: first, netns: ns.path).requireSuccess()
        try await node.run("DEL", containerID: second, netns: other.path).requireSuccess()
        #expect(try node.records().isEmpty)
    }

    /// One kubeconfig shape for the log test.
    struct Credentials: Sendable, CustomTestStringConvertible {
        var name: String
        var credential: @Sendable (String) -> KubeconfigCredential
        var embed: Bool
        var testDescription: String { name }
    }

    static let credentials = [
        Credentials(name: "token in the kubeconfig", credential: { .token($0) }, embed: true),
        Credentials(name: "client certificate, -data", credential: { _ in .clientCertificate(user: "system:node:node-a", groups: ["system:nodes"]) },
                    embed: true),
        Credentials(name: "client certificate, files", credential: { _ in .clientCertificate(user: "system:node:node-a", groups: ["system:nodes"]) },
                    embed: false),
    ]

    @Test("logLevel debug: ADD, a failed ADD, a refused login and DEL log no token, key or kubeconfig content",
          arguments: credentials)
    func noSecretsInLogs(_ shape: Credentials) async throws {
        let token = "tok-" + RuntimeInvocation.randomContainerID().prefix(32)
        var configuration = KubeAPIServerConfiguration()
        configuration.tokens = [token: .admin]
        let node = try MultinetNode()
        defer { node.cleanUp() }
        try await KubeAPIServer.with(configuration) { server in
            try await Self.exerciseAndGrep(node: node, server: server, token: token, shape: shape)
        }
    }

    static func exerciseAndGrep(node: MultinetNode, server: KubeAPIServer, token: String, shape: Credentials) async throws {
        let seeded = try server.seed(
            KubeObjects.pod(name: "plain", namespace: "default", nodeName: "node-a"),
            KubeObjects.pod(name: "wants", namespace: "default", nodeName: "node-a",
                            annotations: [Dialect.npwg: "absent"]))
        let uids = seeded.compactMap { $0.value(at: "metadata.uid")?.stringValue }
        try #require(uids.count == 2)
        let kubeDir = try node.directory.directory("kube")
        let kubeconfig = try server.writeKubeconfig(to: kubeDir + "/kubeconfig", credential: shape.credential(token),
                                                    format: .json, embedCertificates: shape.embed)
        let kubeconfigText = try String(contentsOfFile: kubeconfig, encoding: .utf8)
        var secrets = [token]
        // The private key: its PEM body lines, whether embedded (base64 of the PEM) or beside the kubeconfig.
        let document = try #require(try JSONValue(parsing: Array(kubeconfigText.utf8)).objectValue)
        let user = document["users"]?.arrayValue?.first?["user"]?.objectValue ?? JSONObject()
        var keyPEM: String?
        if let data = user["client-key-data"]?.stringValue {
            secrets.append(String(data.prefix(48)))
            keyPEM = Data(base64Encoded: data).map { String(decoding: $0, as: UTF8.self) }
        } else if let file = user["client-key"]?.stringValue {
            keyPEM = try String(contentsOfFile: file.hasPrefix("/") ? file : kubeDir + "/" + file, encoding: .utf8)
        }
        if shape.name.contains("certificate") {
            let pem = try #require(keyPEM, "no client key in \(kubeconfigText)")
            let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") && $0.count >= 16 }
            try #require(!body.isEmpty)
            secrets += body.map(String.init)
        }
        var config = (try? JSONValue(parsing: node.config()))?.objectValue ?? JSONObject()
        config["kubeconfig"] = .string(kubeconfig)
        config["logLevel"] = .string("debug")
        config["apiTimeoutSeconds"] = .number("2")
        let configText = JSONValue.object(config).jsonText

        func invocation(_ command: String, _ id: String, _ ns: NetworkNamespace, pod: String, uid: String) -> RuntimeInvocation {
            var invocation = node.invocation(command, containerID: id, netns: ns.path, pod: pod, config: configText)
            invocation.args = RuntimeInvocation.kubernetesArgs(namespace: "default", name: pod, uid: uid, containerID: id)
            return invocation
        }
        var outputs: [CNIPluginResult] = []
        let ns = try node.namespace()
        let plain = RuntimeInvocation.randomContainerID(), wants = RuntimeInvocation.randomContainerID()
        outputs.append(try await node.runner.run(invocation("ADD", plain, ns, pod: "plain", uid: uids[0])))
        #expect(outputs.last?.succeeded == true, "\(outputs.last?.summary ?? "")")
        let other = try node.namespace()
        outputs.append(try await node.runner.run(invocation("ADD", wants, other, pod: "wants", uid: uids[1])))
        #expect(outputs.last?.cniError?.code == 7, "\(outputs.last?.summary ?? "")")
        server.faults.rejectAllAuthentication = true
        let third = try node.namespace()
        let refused = RuntimeInvocation.randomContainerID()
        outputs.append(try await node.runner.run(invocation("ADD", refused, third, pod: "plain", uid: uids[0])))
        #expect(outputs.last?.cniError?.code == 11, "\(outputs.last?.summary ?? "")")
        server.faults.rejectAllAuthentication = false
        for (id, namespace) in [(plain, ns), (wants, other), (refused, third)] {
            outputs.append(try await node.runner.run(invocation("DEL", id, namespace, pod: "plain", uid: uids[0])))
            #expect(outputs.last?.succeeded == true, "\(outputs.last?.summary ?? "")")
        }

        let log = try String(contentsOfFile: node.logFile, encoding: .utf8)
        #expect(log.contains(" DEBUG ") && log.contains("apiserver GET"), "logLevel debug logged nothing at debug: \(log)")
        #expect(!log.contains(kubeconfigText), "the kubeconfig leaked into the log")
        for secret in secrets {
            #expect(!log.contains(secret), "\"\(secret.prefix(12))…\" leaked into the log")
            for output in outputs {
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret), "\"\(secret.prefix(12))…\" leaked into output")
            }
        }
    }

    @Test("retry by a user who cannot write the store is refused with a clear error; the record stays")
    func retryNeedsWritableStore() async throws {
        try await InspectorTests.FailedTeardown.with { setup in
            let node = setup.cluster.node
            // Let an unprivileged user read its way to the store, but not write it.
            var path = node.stateDir
            while path != "/" && path.hasPrefix(node.directory.path) {
                chmod(path, 0o755)
                path = (path as NSString).deletingLastPathComponent
            }
            for file in [node.databasePath, node.databasePath + "-wal", node.databasePath + "-shm"]
            where FileManager.default.fileExists(atPath: file) {
                chmod(file, 0o644)
            }
            let before = try InspectorTests.fingerprint(node.stateDir)
            let inspector = try InspectorBinary.path
            let result = try Shell.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", inspector,
                                        "retry", setup.containerID] + setup.options)
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("not writable") && result.stderr.contains(node.databasePath),
                    "\(result.stderr)")
            #expect(try InspectorTests.fingerprint(node.stateDir) == before)
            #expect(try node.records().map(\.state) == [.delFailed])
        }
    }
}
