/// How a client asks the apiserver for objects: whole, or only their metadata.
public enum KubeRepresentation: Sendable, Hashable {
    /// The objects themselves (`application/json`).
    case object
    /// `meta.k8s.io/v1` `PartialObjectMetadata`: `metadata` only, as client-go's metadata
    /// client asks for it, with plain JSON as the fallback for servers that do not
    /// transform (the client then reads the metadata of the whole objects).
    case partialMetadata

    /// The `Accept` header of a request for one object or a watch (`list == false`), or a list.
    public func accept(list: Bool) -> String {
        switch self {
        case .object:
            return "application/json"
        case .partialMetadata:
            let kind = list ? "PartialObjectMetadataList" : "PartialObjectMetadata"
            return "application/json;as=\(kind);g=meta.k8s.io;v=v1,application/json"
        }
    }

    /// The `kind`s a response may carry for objects of `type` (`list`: the list's kind).
    public func kinds(of type: KubeResourceType, list: Bool) -> [String] {
        let plain = list ? type.kind + "List" : type.kind
        switch self {
        case .object: return [plain]
        case .partialMetadata: return [list ? "PartialObjectMetadataList" : "PartialObjectMetadata", plain]
        }
    }
}
