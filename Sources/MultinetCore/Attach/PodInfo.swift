/// What multinet needs to know about a pod: who it is and what its annotations ask for.
public struct PodInfo: Sendable, Equatable {
    /// The pod's namespace.
    public var namespace: String
    /// The pod's name.
    public var name: String
    /// The pod's UID.
    public var uid: String
    /// The pod's annotations.
    public var annotations: [String: String]

    /// A pod.
    public init(namespace: String, name: String, uid: String, annotations: [String: String]) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.annotations = annotations
    }
}
