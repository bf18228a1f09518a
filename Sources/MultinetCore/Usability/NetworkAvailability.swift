/// Whether one network can be attached on this node, and why not: what the inspector's
/// Networks view shows and what the agent's node labels publish.
public struct NetworkAvailability: Sendable, Equatable {
    /// Where a network is defined.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// An alpha `Network` object.
        case network = "Network"
        /// A `NetworkAttachmentDefinition`.
        case networkAttachmentDefinition = "NetworkAttachmentDefinition"
        /// A file in the conf dir.
        case file
    }

    /// The network's name.
    public var name: String
    /// Its namespace; `nil` for conf-dir files.
    public var namespace: String?
    /// Where it is defined.
    public var kind: Kind
    /// The plugin types it runs (`spec.plugin` for thick Networks), comma-separated.
    public var plugin: String?
    /// The declared `cniVersion`, if any.
    public var cniVersion: String?
    /// Why it cannot be attached (a binary missing, a version unsupported, a config
    /// invalid); `nil` when it can.
    public var problem: String?

    /// An entry from its parts.
    public init(name: String, namespace: String?, kind: Kind, plugin: String?, cniVersion: String?, problem: String?) {
        self.name = name
        self.namespace = namespace
        self.kind = kind
        self.plugin = plugin
        self.cniVersion = cniVersion
        self.problem = problem
    }

    /// Whether it can be attached on this node.
    public var usable: Bool { problem == nil }

    /// How records and selections name it: `namespace/name` for an object, the bare name
    /// for a conf-dir file.
    public var qualifiedName: String { kind == .file ? name : "\(namespace ?? "")/\(name)" }
}
