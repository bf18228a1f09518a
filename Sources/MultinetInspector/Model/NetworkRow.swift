import MultinetCore

/// One network in the Networks view and the JSON document's `networks`.
public struct NetworkRow: Sendable, Equatable {
    /// Where a network is defined (the core's kinds).
    public typealias Kind = NetworkAvailability.Kind

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
    /// Whether it can be attached on this node.
    public var usable: Bool
    /// Why not: a binary missing, a version unsupported, a config invalid.
    public var problem: String?
    /// How many recorded attachments on this node use it.
    public var attachmentCount: Int

    /// A network row.
    public init(name: String, namespace: String?, kind: Kind, plugin: String?, cniVersion: String?,
                usable: Bool, problem: String?, attachmentCount: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.kind = kind
        self.plugin = plugin
        self.cniVersion = cniVersion
        self.usable = usable
        self.problem = problem
        self.attachmentCount = attachmentCount
    }
}
