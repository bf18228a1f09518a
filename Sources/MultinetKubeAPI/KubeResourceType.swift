/// Where a kind of object lives in the Kubernetes API: group, version, kind, plural and scope.
public struct KubeResourceType: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group (`v1` pods).
    public var group: String
    /// The version, e.g. `v1`.
    public var version: String
    /// The kind, e.g. `Pod`.
    public var kind: String
    /// The plural resource name in URLs, e.g. `pods`.
    public var plural: String
    /// Whether objects live in namespaces.
    public var isNamespaced: Bool

    /// A resource type.
    public init(group: String, version: String, kind: String, plural: String, isNamespaced: Bool = true) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.isNamespaced = isNamespaced
    }

    /// `v1` or `group/version`, as in an object's `apiVersion`.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `plural.group`, e.g. `network-attachment-definitions.k8s.cni.cncf.io`.
    public var description: String { group.isEmpty ? plural : "\(plural).\(group)" }

    /// The URL path of the collection (`namespace == nil`: across all namespaces) or, with
    /// `name`, of one object. Names are percent-encoded.
    public func path(namespace: String?, name: String? = nil) -> String {
        var path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if isNamespaced, let namespace { path += "/namespaces/" + URLQuery.escapePathSegment(namespace) }
        path += "/" + plural
        if let name { path += "/" + URLQuery.escapePathSegment(name) }
        return path
    }
}
