/// One disagreement about one attachment (or, for `unrecorded-interface`, one interface).
public struct DriftEntry: Sendable, Hashable {
    /// The container (pod sandbox) of the attachment.
    public var containerID: String
    /// The pod's namespace and name, as recorded.
    public var namespace: String
    /// The pod's name.
    public var pod: String
    /// The attachment's network (`namespace/name` for objects), empty for an unrecorded interface.
    public var network: String
    /// The interface in the pod.
    public var interface: String
    /// What disagrees.
    public var kind: DriftKind
    /// The disagreement in words, e.g. "recorded 10.1.0.5/16, the kernel has 10.1.0.9/16".
    public var detail: String
    /// When it was first seen, in milliseconds since the epoch (``DriftTracker``); `nil` until then.
    public var since: Int64?

    /// An entry from its parts.
    public init(containerID: String, namespace: String, pod: String, network: String, interface: String,
                kind: DriftKind, detail: String, since: Int64? = nil) {
        self.containerID = containerID
        self.namespace = namespace
        self.pod = pod
        self.network = network
        self.interface = interface
        self.kind = kind
        self.detail = detail
        self.since = since
    }

    /// What identifies the same drift across refreshes.
    public var identity: String { Self.identity(containerID: containerID, interface: interface, kind: kind) }

    /// The identity of the drift of `kind` on `interface` of `containerID`.
    public static func identity(containerID: String, interface: String, kind: DriftKind) -> String {
        "\(containerID)\u{0}\(interface)\u{0}\(kind.rawValue)"
    }
}
