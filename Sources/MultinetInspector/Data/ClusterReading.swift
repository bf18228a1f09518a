import MultinetKubeAPI

/// What one poll of the apiserver found: this node's pods and the networks of all namespaces.
public struct ClusterReading: Sendable, Equatable {
    /// Whether the apiserver answered.
    public var apiserver: APIServerState
    /// The kube context in use, when a kubeconfig named one.
    public var context: String?
    /// The pods scheduled on this node (their metadata); `nil` when they could not be listed.
    public var pods: [PodMetadata]?
    /// `NetworkAttachmentDefinition`s of all namespaces (empty when not listed).
    public var networkAttachmentDefinitions: [NetworkAttachmentDefinition]
    /// Alpha `Network`s of all namespaces (empty when not listed).
    public var networks: [Network]
    /// Events about pods (`involvedObject.kind=Pod`) of all namespaces; `nil` when not listed.
    public var events: [KubeEvent]?
    /// `--all-nodes`: every pod of the cluster that has a `network-status`, with its node
    /// (the store is then not read); `nil` for this node's view.
    public var reportedPods: [ReportedPod]?

    /// A reading.
    public init(apiserver: APIServerState, context: String? = nil, pods: [PodMetadata]? = nil,
                networkAttachmentDefinitions: [NetworkAttachmentDefinition] = [], networks: [Network] = [],
                events: [KubeEvent]? = nil) {
        self.events = events
        self.apiserver = apiserver
        self.context = context
        self.pods = pods
        self.networkAttachmentDefinitions = networkAttachmentDefinitions
        self.networks = networks
    }

    /// No apiserver configured: nothing listed.
    public static let notConfigured = ClusterReading(apiserver: .notConfigured)
}
