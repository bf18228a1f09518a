import Foundation
import KubeAPIServerDouble
import MultinetJSON

/// A ``MultinetNode`` with the apiserver double in front of it (TLS, a JSON kubeconfig with
/// the default token) holding one pod, `default/web` unless told otherwise, with the given
/// annotations: the setting for multi-network end-to-end tests.
///
/// ```swift
/// try await MultinetCluster.with(annotations: ["k8s.v1.cni.cncf.io/networks": "macnet"]) { cluster in
///     try cluster.server.seed(KubeObjects.networkAttachmentDefinition(name: "macnet", config: …))
///     let add = try await cluster.run("ADD", containerID: id, netns: ns.path)
/// }
/// ```
public final class MultinetCluster: Sendable {
    /// The node: conf dir (with `10-podnet.conflist`, the cluster default network), bin dir,
    /// state dir, host-local data dir.
    public let node: MultinetNode
    /// The apiserver double.
    public let server: KubeAPIServer
    /// The JSON kubeconfig multinet reads.
    public let kubeconfig: String
    /// The pod's namespace.
    public let podNamespace: String
    /// The pod's name.
    public let podName: String
    /// The UID the apiserver gave the pod (sent as `K8S_POD_UID`).
    public let podUID: String

    /// Starts the apiserver and seeds the pod.
    public init(annotations: [String: String], podName: String = "web", podNamespace: String = "default") async throws {
        let node = try MultinetNode()
        let server: KubeAPIServer
        do {
            server = try await KubeAPIServer.start()
        } catch {
            node.cleanUp()
            throw error
        }
        do {
            let seeded = try server.seed(KubeObjects.pod(name: podName, namespace: podNamespace, nodeName: "node-a",
                                                         annotations: annotations))
            guard let uid = seeded.first?.string(at: "metadata.uid") else {
                throw TestSupportError.unexpectedOutput(command: ["seed"], reason: "the seeded pod has no UID", output: "")
            }
            let dir = try node.directory.directory("kube")
            self.kubeconfig = try server.writeKubeconfig(to: dir + "/kubeconfig", format: .json)
            _ = try node.directory.directory("multinet.d")
            self.podUID = uid
        } catch {
            try? await server.shutdown()
            node.cleanUp()
            throw error
        }
        self.node = node
        self.server = server
        self.podName = podName
        self.podNamespace = podNamespace
    }

    /// Runs `body` with a fresh cluster and always cleans up afterwards.
    public static func with(
        annotations: [String: String], podName: String = "web", podNamespace: String = "default",
        _ body: (MultinetCluster) async throws -> Void
    ) async throws {
        let cluster = try await MultinetCluster(annotations: annotations, podName: podName, podNamespace: podNamespace)
        do {
            try await body(cluster)
        } catch {
            await cluster.cleanUp()
            throw error
        }
        await cluster.cleanUp()
    }

    /// multinet's `thickConfDir` (empty until a test writes a template into it).
    public var thickConfDir: String { node.directory.file("multinet.d") }

    /// `namespace/name` of the pod, as multinet's messages name it.
    public var podDisplayName: String { podNamespace + "/" + podName }

    /// Writes a template for thick plugin `plugin` into ``thickConfDir`` (`plugin.conf` or
    /// `plugin.conflist`).
    public func writeThickTemplate(_ fileName: String, _ text: String) throws {
        try text.write(toFile: thickConfDir + "/" + fileName, atomically: true, encoding: .utf8)
    }

    /// multinet's stdin config: the node's, plus `kubeconfig`, `thickConfDir`,
    /// `apiTimeoutSeconds: 3`, then `extra`.
    public func config(extra: KeyValuePairs<String, JSONValue> = [:]) -> String {
        var object = (try? JSONValue(parsing: node.config()))?.objectValue ?? JSONObject()
        object["kubeconfig"] = .string(kubeconfig)
        object["thickConfDir"] = .string(thickConfDir)
        object["apiTimeoutSeconds"] = .number("3")
        for (key, value) in extra { object[key] = value }
        return JSONValue.object(object).jsonText
    }

    /// The runtime's invocation for the pod (its `K8S_POD_*` args, the real UID).
    public func invocation(_ command: String, containerID: String, netns: String, config: String? = nil) -> RuntimeInvocation {
        var invocation = node.invocation(command, containerID: containerID, netns: netns, pod: podName,
                                         config: config ?? self.config())
        invocation.args = RuntimeInvocation.kubernetesArgs(namespace: podNamespace, name: podName, uid: podUID,
                                                           containerID: containerID)
        return invocation
    }

    /// Runs multinet for the pod.
    public func run(_ command: String, containerID: String, netns: String, config: String? = nil) async throws -> CNIPluginResult {
        try await node.runner.run(invocation(command, containerID: containerID, netns: netns, config: config))
    }

    /// One of the pod's annotations as the apiserver holds it now; `nil` when the pod or the
    /// annotation is missing.
    public func podAnnotation(_ key: String) -> String? {
        server.store.get(.pods, namespace: podNamespace, name: podName)?
            .value(at: ["metadata", "annotations", key])?.stringValue
    }

    /// The pod's `k8s.v1.cni.cncf.io/network-status`, parsed; `nil` when absent.
    public func networkStatus() throws -> [NetworkStatusEntry]? {
        try podAnnotation(NetworkStatusEntry.annotation).map(NetworkStatusEntry.parse)
    }

    /// Stops the apiserver (idempotent enough for tests) and cleans up the node.
    public func cleanUp() async {
        try? await server.shutdown()
        node.cleanUp()
    }
}
