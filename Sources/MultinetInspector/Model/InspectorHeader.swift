/// The inspector's header line: node, cluster, store, freshness, mode.
public struct InspectorHeader: Sendable, Equatable {
    /// The node whose pods are shown.
    public var node: String
    /// The kube context in use, if a kubeconfig was read.
    public var context: String?
    /// Whether the apiserver answered the last refresh.
    public var apiserver: APIServerState
    /// The checkpoint store's path.
    public var storePath: String
    /// Why the store could not be read, if it could not.
    public var storeProblem: String?
    /// When the snapshot was taken (milliseconds since the epoch).
    public var refreshedAt: Int64
    /// Whether actions are hidden and refused (`--read-only`).
    public var readOnly: Bool
    /// `--all-nodes`: the cluster's pods as their `network-status` reports them, no store.
    public var allNodes: Bool = false

    /// A header.
    public init(node: String, context: String? = nil, apiserver: APIServerState = .notConfigured, storePath: String,
                storeProblem: String? = nil, refreshedAt: Int64, readOnly: Bool = false) {
        self.node = node
        self.context = context
        self.apiserver = apiserver
        self.storePath = storePath
        self.storeProblem = storeProblem
        self.refreshedAt = refreshedAt
        self.readOnly = readOnly
    }
}

/// The apiserver as the last refresh found it.
public enum APIServerState: Sendable, Equatable {
    /// No kubeconfig and not in a cluster: only the store and the conf dir are shown.
    case notConfigured
    /// The server answered.
    case reachable(server: String)
    /// The server did not answer, or refused: the message says why.
    case unreachable(server: String, error: String)
}
