import Logging
import MultinetCNI
import MultinetKube
import MultinetKubeAPI
import MultinetModel
import MultinetPlanning

/// The plugin's apiserver access on ``KubeClient``: one client (one connection, at most one
/// TLS handshake) per invocation, every request bounded by `apiTimeoutSeconds`.
public struct KubeClientAccessFactory: KubeAccessFactory {
    /// Where the client logs retries.
    public var logger: Logger

    /// A factory logging to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// The access for `kubeconfig`, or in-cluster when `KUBERNETES_SERVICE_HOST` is set, or `nil`.
    public func make(config: MultinetConfig, environment: CNIEnvironment) throws -> (any KubeAccess)? {
        let connection: ClusterConnection?
        do {
            connection = try ClusterConnection.forPlugin(kubeconfig: config.kubeconfig, environment: environment.inherited)
        } catch {
            throw ClusterFailure.setup(action: "cannot use the apiserver configuration", problem: error.description)
        }
        guard let connection else { return nil }
        do {
            let client = try KubeClient(connection: connection,
                                        options: KubeClientOptions(timeoutSeconds: config.apiTimeoutSeconds),
                                        environment: environment.inherited, logger: logger)
            return KubeClientAccess(client: client)
        } catch {
            throw ClusterFailure.setup(action: "cannot set up the apiserver client for \(connection.server)",
                                       problem: error.description)
        }
    }
}

/// ``KubeAccess`` through one ``KubeClient``: the plugin's per invocation, or a long-lived
/// client the node agent shares (``shutdown()`` closes it, so a sharer does not call it).
public struct KubeClientAccess: KubeAccess {
    let client: KubeClient

    /// Access through `client`.
    public init(client: KubeClient) {
        self.client = client
    }

    public func pod(namespace: String, name: String) async throws -> PodInfo {
        do {
            let pod = try await client.get(Pod.self, name: name, namespace: namespace)
            return PodInfo(namespace: namespace, name: name, uid: pod.metadata.uid ?? "",
                           annotations: pod.metadata.annotations)
        } catch {
            throw ClusterFailure.request(what: "cannot read pod \(namespace)/\(name) from the apiserver", error: error)
        }
    }

    public func networkAttachmentDefinition(namespace: String, name: String) async throws -> NetworkAttachmentDefinition? {
        try await optional(NetworkAttachmentDefinition.self, namespace: namespace, name: name)
    }

    public func network(namespace: String, name: String) async throws -> Network? {
        try await optional(Network.self, namespace: namespace, name: name)
    }

    public func annotatePod(namespace: String, name: String, annotations: [String: String]) async throws {
        do {
            try await client.patchAnnotations(Pod.self, name: name, namespace: namespace, annotations: annotations)
        } catch {
            throw ClusterFailure.request(what: "cannot annotate pod \(namespace)/\(name)", error: error)
        }
    }

    public func recordWarning(about pod: PodReference, reason: String, message: String) async throws {
        let event = KubeEvent.warning(about: pod, reason: reason, message: message, now: RFC3339.now())
        do {
            _ = try await client.create(KubeEvent.self, namespace: pod.namespace, object: event)
        } catch {
            throw ClusterFailure.request(what: "cannot record an event about pod \(pod.displayName)", error: error)
        }
    }

    /// One object, `nil` for NotFound.
    private func optional<R: KubeResource>(_ type: R.Type, namespace: String, name: String) async throws -> R? {
        do {
            return try await client.get(type, name: name, namespace: namespace)
        } catch .notFound(_, _) {
            return nil
        } catch {
            throw ClusterFailure.request(what: "cannot read \(R.resourceType.kind) \(namespace)/\(name) from the apiserver", error: error)
        }
    }

    public func shutdown() async {
        try? await client.shutdown()
    }
}
