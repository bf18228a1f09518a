import MultinetJSON

/// A `Network` (`alpha.network.k8s.io/v1`, the 2017 kubernetes-sig-network proposal).
public struct Network: KubeResource, Equatable {
    /// `networks.alpha.network.k8s.io`, version `v1`.
    public static let resourceType = KubeResourceType(
        group: "alpha.network.k8s.io", version: "v1", kind: "Network", plural: "networks")

    /// The object's metadata.
    public var metadata: ObjectMeta
    /// `spec.plugin`: the "thick" plugin handling this network; `nil` or empty for a "thin"
    /// network configured by the on-disk file of the same name.
    public var plugin: String?
    /// The whole object.
    public var raw: JSONObject

    /// Decodes a Network.
    public init(json: JSONObject) throws(KubeDecodingError) {
        let root = KubeFieldReader(json)
        metadata = try ObjectMeta(root.nested("metadata"))
        plugin = try root.nested("spec").string("plugin")
        raw = json
    }
}
