/// One Event about a pod of this node, as the Events view and `events` in JSON show it.
public struct EventRow: Sendable, Equatable {
    /// The pod's namespace.
    public var namespace: String
    /// The pod's name.
    public var pod: String
    /// `Normal` or `Warning`.
    public var type: String
    /// The reason, e.g. `MultinetAttachFailed`.
    public var reason: String
    /// The message.
    public var message: String
    /// The component that reported it (`multinet`, `kubelet`, …).
    public var component: String
    /// How often it happened.
    public var count: Int
    /// When it last happened (milliseconds since the epoch), if known.
    public var lastSeen: Int64?

    /// An event row.
    public init(namespace: String, pod: String, type: String, reason: String, message: String, component: String,
                count: Int = 1, lastSeen: Int64? = nil) {
        self.namespace = namespace
        self.pod = pod
        self.type = type
        self.reason = reason
        self.message = message
        self.component = component
        self.count = count
        self.lastSeen = lastSeen
    }

    /// Reasons multinet (the plugin, the agent, hot-plug) posts.
    public static let multinetReasons: Set<String> = [
        "MultinetAttachFailed", "AddedInterface", "FailedAddingInterface", "RemovedInterface",
        "FailedRemovingInterface", "MultinetReclaimed",
    ]

    /// Whether multinet posted it (its component, or one of its reasons): listed first.
    public var isMultinet: Bool { component == "multinet" || component.hasPrefix("multinet-") || Self.multinetReasons.contains(reason) }
}
