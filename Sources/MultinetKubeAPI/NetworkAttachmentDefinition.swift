import MultinetJSON

/// A `NetworkAttachmentDefinition` (`k8s.cni.cncf.io/v1`, Network Plumbing Working Group
/// multi-net-spec): a network whose `spec.config` is a CNI configuration as a JSON string.
public struct NetworkAttachmentDefinition: KubeResource, Equatable {
    /// `network-attachment-definitions.k8s.cni.cncf.io`, version `v1`.
    public static let resourceType = KubeResourceType(
        group: "k8s.cni.cncf.io", version: "v1", kind: "NetworkAttachmentDefinition",
        plural: "network-attachment-definitions")

    /// The object's metadata.
    public var metadata: ObjectMeta
    /// `spec.config`: a CNI configuration or configuration list, as JSON text; `nil` when
    /// the configuration is to be found on disk by the object's name.
    public var config: String?
    /// The whole object.
    public var raw: JSONObject

    /// Decodes a NetworkAttachmentDefinition.
    public init(json: JSONObject) throws(KubeDecodingError) {
        let root = KubeFieldReader(json)
        metadata = try ObjectMeta(root.nested("metadata"))
        config = try root.nested("spec").string("config")
        raw = json
    }
}
