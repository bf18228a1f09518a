import MultinetJSON

/// A pod's `metadata` only, listed and watched as `PartialObjectMetadata`: what a view of
/// which pods exist needs, at a fraction of the bytes and decoding of whole pods.
public struct PodMetadata: KubeResource, Equatable {
    /// `pods` in the core group.
    public static let resourceType = Pod.resourceType
    /// Asked for as `PartialObjectMetadata`.
    public static let representation = KubeRepresentation.partialMetadata

    /// The pod's metadata.
    public var metadata: ObjectMeta
    /// The object as the server sent it (a `PartialObjectMetadata`, or a whole pod from a
    /// server that does not transform).
    public var raw: JSONObject

    /// Metadata from its parts.
    public init(metadata: ObjectMeta) {
        self.metadata = metadata
        raw = JSONObject()
    }

    /// Decodes the `metadata` of a `PartialObjectMetadata` or a pod.
    public init(json: JSONObject) throws(KubeDecodingError) {
        metadata = try ObjectMeta(KubeFieldReader(json).nested("metadata"))
        raw = json
    }
}
