import MultinetJSON

/// A kind of Kubernetes object multinet reads: it knows where it lives in the API and how
/// to decode itself, and keeps the whole object it was decoded from.
public protocol KubeResource: Sendable {
    /// Group, version, kind and plural of this kind of object.
    static var resourceType: KubeResourceType { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get }
    /// The object exactly as the server sent it, with the fields this type does not model.
    var raw: JSONObject { get }
    /// Decodes an object; errors name the field at fault.
    init(json: JSONObject) throws(KubeDecodingError)
    /// How the client asks for these objects; whole objects unless a type says otherwise.
    static var representation: KubeRepresentation { get }
}

extension KubeResource {
    /// Whole objects.
    public static var representation: KubeRepresentation { .object }
}
