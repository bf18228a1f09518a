/// The pod a container belongs to, as far as multinet knows it.
public struct PodReference: Sendable, Equatable {
    /// The namespace; empty when the runtime did not say.
    public var namespace: String
    /// The name; empty when the runtime did not say.
    public var name: String
    /// The UID; empty when the runtime did not say.
    public var uid: String

    /// A reference.
    public init(namespace: String, name: String, uid: String) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
    }

    /// `namespace/name`, or a note that the runtime named no pod.
    public var displayName: String {
        name.isEmpty ? "(no pod named in CNI_ARGS)" : "\(namespace)/\(name)"
    }
}
