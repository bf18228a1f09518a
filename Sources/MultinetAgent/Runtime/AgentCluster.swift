import MultinetJSON
import MultinetKube
import MultinetKubeAPI

/// What the agent asks the apiserver: this node's pods (metadata only), the networks, the
/// node's labels; and what it writes: the node's labels (one merge patch) and Events.
public struct AgentCluster: Sendable {
    /// The client, kept for the agent's life (its connections are kept alive between cycles).
    public let client: KubeClient

    /// Access through `client`.
    public init(client: KubeClient) {
        self.client = client
    }

    /// The metadata of every pod scheduled to `node` (every page).
    public func pods(on node: String) async throws(KubeError) -> [ObjectMeta] {
        try await client.listAll(PodMetadata.self, namespace: nil,
                                 options: KubeListOptions(fieldSelector: "spec.nodeName=\(node)", limit: 500))
            .items.map(\.metadata)
    }

    /// Every NetworkAttachmentDefinition and alpha Network; a kind whose API group is not
    /// installed (404) has none.
    public func networks() async throws(KubeError) -> (nads: [NetworkAttachmentDefinition], networks: [Network]) {
        async let nads = optionalList(NetworkAttachmentDefinition.self)
        async let networks = optionalList(Network.self)
        return (try await nads.get(), try await networks.get())
    }

    /// The node's labels.
    public func labels(of node: String) async throws(KubeError) -> [String: String] {
        try await client.get(Node.self, name: node, namespace: "").metadata.labels
    }

    /// Merge-patches the node.
    public func patch(node: String, _ patch: JSONValue) async throws(KubeError) {
        _ = try await client.mergePatch(Node.self, name: node, namespace: "", patch: patch)
    }

    /// Creates an Event (``KubeEvent/event(about:type:reason:message:now:component:)``).
    public func post(event: JSONValue, namespace: String) async throws(KubeError) {
        _ = try await client.create(KubeEvent.self, namespace: namespace, object: event)
    }

    /// Closes the client's connections.
    public func shutdown() async {
        try? await client.shutdown()
    }

    private func optionalList<R: KubeResource>(_ type: R.Type) async -> Result<[R], KubeError> {
        do {
            return .success(try await client.listAll(type, namespace: nil).items)
        } catch .notFound(_, _) {
            return .success([])
        } catch {
            return .failure(error)
        }
    }
}
