import KubeAPIServerDouble
import Testing
@testable import MultinetKube
import MultinetTestSupport

/// An apiserver double with a scratch directory for kubeconfigs, for integration tests.
struct KubeDoubleFixture {
    let server: KubeAPIServer
    let scratch: TemporaryDirectory

    static func start(_ configuration: KubeAPIServerConfiguration = KubeAPIServerConfiguration()) async throws -> KubeDoubleFixture {
        KubeDoubleFixture(server: try await KubeAPIServer.start(configuration), scratch: try TemporaryDirectory.kubeScratch())
    }

    /// Stops the server and removes the scratch directory.
    func stop() async throws {
        scratch.remove()
        try await server.shutdown()
    }

    /// A connection from a kubeconfig the double writes: a JSON one loaded the way the
    /// plugin loads one, a YAML one the way the inspector (and kubectl) do.
    func connection(_ credential: KubeconfigCredential? = nil, format: KubeconfigFormat = .json,
                    embedCertificates: Bool = true) throws -> ClusterConnection {
        let path = try server.writeKubeconfig(to: scratch.path + "/kubeconfig", credential: credential, format: format,
                                              embedCertificates: embedCertificates)
        if format == .yaml {
            return try ClusterConnection.likeKubectl(kubeconfig: path, environment: [:])
        }
        return try #require(try ClusterConnection.forPlugin(kubeconfig: path, environment: [:]))
    }

    /// A client with fast retries (the policy's shape, not its waits, is under test) and a
    /// deadline a loaded test machine will not hit by accident.
    func client(_ connection: ClusterConnection, timeoutSeconds: Double = 60, maximumAttempts: Int = 5,
                environment: [String: String] = ["PATH": "/usr/bin:/bin"]) throws -> KubeClient {
        let policy = KubeRetryPolicy(maximumAttempts: maximumAttempts, initialBackoffSeconds: 0.01, maximumBackoffSeconds: 0.05)
        return try KubeClient(connection: connection, options: KubeClientOptions(timeoutSeconds: timeoutSeconds, retryPolicy: policy),
                              environment: environment)
    }

    /// Seeds pod `name` on `nodeName`.
    @discardableResult
    func seedPod(_ name: String, namespace: String = "default", nodeName: String = "node-a",
                 annotations: [String: String] = [:], labels: [String: String] = [:]) throws -> String {
        let stored = try server.store.create(.pods, KubeObjects.pod(name: name, namespace: namespace, nodeName: nodeName,
                                                                    annotations: annotations, labels: labels, podIPs: ["10.1.0.5"]))
        return stored.string(at: "metadata.resourceVersion") ?? ""
    }

    /// Runs `body` with a client, shutting it down afterwards whatever happens.
    func with<T>(_ client: KubeClient, _ body: (KubeClient) async throws -> T) async throws -> T {
        do {
            let value = try await body(client)
            try await client.shutdown()
            return value
        } catch {
            try await client.shutdown()
            throw error
        }
    }
}
