import MultinetJSON

/// A node (`v1`, cluster-scoped): the agent reads its labels and merge-patches the
/// `net.multinet.dev/` ones.
public struct Node: KubeResource, Equatable {
    /// `nodes` in the core group, cluster-scoped.
    public static let resourceType = KubeResourceType(group: "", version: "v1", kind: "Node", plural: "nodes",
                                                      isNamespaced: false)

    /// The node's metadata (its labels).
    public var metadata: ObjectMeta
    /// The whole object.
    public var raw: JSONObject

    /// Decodes a node.
    public init(json: JSONObject) throws(KubeDecodingError) {
        metadata = try ObjectMeta(KubeFieldReader(json).nested("metadata"))
        raw = json
    }
}
