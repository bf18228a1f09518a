import MultinetCNI

/// A network a selection resolved to, before it is planned onto an interface: its
/// configuration and where that came from.
public struct NetworkDefinition: Sendable, Equatable {
    /// The network's name (the object's, or the file's `name`).
    public var name: String
    /// The object's namespace; empty for a configuration file found as the default network.
    public var namespace: String
    /// `file`, `Network` or `NetworkAttachmentDefinition` (the store's `network_kind`).
    public var kind: String
    /// The configuration list to run, `name` injected.
    public var list: NetworkConfigList
    /// Where the configuration was read from, for messages (a path, or `spec.config`).
    public var source: String

    /// A resolved network.
    public init(name: String, namespace: String, kind: String, list: NetworkConfigList, source: String) {
        self.name = name
        self.namespace = namespace
        self.kind = kind
        self.list = list
        self.source = source
    }

    /// `namespace/name`, or the bare name of a file network.
    public var qualifiedName: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }
}
