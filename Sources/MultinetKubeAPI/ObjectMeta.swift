/// The `metadata` every Kubernetes object carries, as far as multinet uses it.
public struct ObjectMeta: Sendable, Equatable {
    /// `name`.
    public var name: String
    /// `namespace`; `nil` for cluster-scoped objects.
    public var namespace: String?
    /// `uid`.
    public var uid: String?
    /// `resourceVersion`: opaque; changes on every write.
    public var resourceVersion: String?
    /// `labels`.
    public var labels: [String: String]
    /// `annotations`.
    public var annotations: [String: String]
    /// `creationTimestamp` as the server wrote it (RFC 3339).
    public var creationTimestamp: String?

    /// Metadata from its parts.
    public init(name: String, namespace: String? = nil, uid: String? = nil, resourceVersion: String? = nil,
                labels: [String: String] = [:], annotations: [String: String] = [:], creationTimestamp: String? = nil) {
        self.name = name
        self.namespace = namespace
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.labels = labels
        self.annotations = annotations
        self.creationTimestamp = creationTimestamp
    }

    /// Decodes an object's `metadata`.
    init(_ reader: KubeFieldReader) throws(KubeDecodingError) {
        name = try reader.string("name") ?? ""
        namespace = try reader.string("namespace")
        uid = try reader.string("uid")
        resourceVersion = try reader.string("resourceVersion")
        labels = try reader.stringMap("labels")
        annotations = try reader.stringMap("annotations")
        creationTimestamp = try reader.string("creationTimestamp")
    }

    /// `namespace/name`, or `name` for cluster-scoped objects.
    public var qualifiedName: String { namespace.map { "\($0)/\(name)" } ?? name }
}
