/// How objects are sent back, from the request's `Accept` header.
enum ResponseEncoding: Sendable, Equatable {
    /// The objects themselves (`application/json`).
    case plain
    /// A `meta.k8s.io/v1` `Table` (what `kubectl get` asks for), with row objects as
    /// `includeObject` says (`None`, `Metadata`, `Object`).
    case table(includeObject: String)
    /// `meta.k8s.io/v1` `PartialObjectMetadata` (one object, or each watch event's) or
    /// `PartialObjectMetadataList` (a list): kind, apiVersion and `metadata` only — what
    /// client-go's metadata client asks for.
    case partialMetadata(list: Bool)

    /// The encoding for an `Accept` header and `includeObject` parameter. As the apiserver
    /// does, `as=PartialObjectMetadataList` fits only a list and `as=PartialObjectMetadata`
    /// only one object or a watch (`list` says which the request is); an entry that does not
    /// fit is passed over for the next.
    ///
    /// - Throws: ``APIStatusError`` 406 when only unsupported representations are acceptable.
    static func negotiate(accept: String?, includeObject: String?, list: Bool = false) throws -> ResponseEncoding {
        guard let accept, !accept.isEmpty else { return .plain }
        for entry in accept.split(separator: ",") {
            let fields = entry.split(separator: ";").map { $0.trimmingSpaces }
            let mediaType = fields.first?.lowercased() ?? ""
            var parameters: [String: String] = [:]
            for field in fields.dropFirst() {
                let pair = field.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
                if pair.count == 2 { parameters[pair[0]] = pair[1] }
            }
            guard mediaType == "application/json" || mediaType == "*/*" || mediaType == "application/*" else { continue }
            switch parameters["as"] {
            case nil:
                return .plain
            case "Table" where parameters["g"] == "meta.k8s.io" && (parameters["v"] == "v1" || parameters["v"] == "v1beta1"):
                return .table(includeObject: includeObject ?? "Metadata")
            case "PartialObjectMetadataList" where list && isMetaV1(parameters),
                 "PartialObjectMetadata" where !list && isMetaV1(parameters):
                return .partialMetadata(list: list)
            default:
                continue
            }
        }
        throw APIStatusError(code: 406, reason: "NotAcceptable", message: "only the following media types are accepted: application/json")
    }

    private static func isMetaV1(_ parameters: [String: String]) -> Bool {
        parameters["g"] == "meta.k8s.io" && (parameters["v"] == "v1" || parameters["v"] == "v1beta1")
    }

    /// The `Content-Type` of a response in this encoding.
    var contentType: String {
        switch self {
        case .plain: return "application/json"
        case .table: return "application/json;as=Table;v=v1;g=meta.k8s.io"
        case .partialMetadata(let list):
            return "application/json;as=\(list ? "PartialObjectMetadataList" : "PartialObjectMetadata");g=meta.k8s.io;v=v1"
        }
    }

    /// `object` as a `PartialObjectMetadata`: its metadata under the `meta.k8s.io/v1` kind.
    static func partialMetadata(_ object: KubeJSON) -> KubeJSON {
        ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": object["metadata"] ?? .object([:])]
    }
}
