/// A kubeconfig as kubectl reads it: one file, or several merged (`KUBECONFIG=a:b:c`).
///
/// Load it with ``load(path:)``, ``load(paths:)`` or ``loadDefault(environment:)``, then
/// resolve one context into a ``ClusterConnection`` with ``connection(context:)``.
/// Relative paths in a file are already resolved against that file's directory, and
/// `-data` fields are already decoded.
public struct KubeConfig: Sendable, Equatable {
    /// Clusters by name.
    public var clusters: [String: Cluster]
    /// Users (kubectl's `AuthInfo`) by name.
    public var users: [String: User]
    /// Contexts by name.
    public var contexts: [String: Context]
    /// `current-context`: from the first file that sets it.
    public var currentContext: String?
    /// The files this configuration was read from, in merge order.
    public var paths: [String]
    /// How each file in `paths` was parsed (JSON takes a fast path without the YAML parser).
    var formats: [KubeConfigFormat]

    /// An empty configuration.
    public init() {
        clusters = [:]
        users = [:]
        contexts = [:]
        currentContext = nil
        paths = []
        formats = []
    }

    /// Merges `other` into this configuration as kubectl merges `KUBECONFIG` files: for
    /// clusters, users and contexts the first file to define a name wins; the first
    /// `current-context` set wins.
    public mutating func merge(_ other: KubeConfig) {
        clusters.merge(other.clusters) { first, _ in first }
        users.merge(other.users) { first, _ in first }
        contexts.merge(other.contexts) { first, _ in first }
        if currentContext == nil || currentContext == "" { currentContext = other.currentContext }
        paths += other.paths
        formats += other.formats
    }
}

/// The syntax a kubeconfig file was parsed as.
enum KubeConfigFormat: Sendable, Equatable {
    /// JSON, parsed with `JSONValue` (no YAML parser loaded).
    case json
    /// YAML, parsed with libyaml (``YAMLNode``).
    case yaml
}
