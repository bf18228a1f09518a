/// How objects are sent back, from the request's `Accept` header.
enum ResponseEncoding: Sendable, Equatable {
    /// The objects themselves (`application/json`).
    case plain
    /// A `meta.k8s.io/v1` `Table` (what `kubectl get` asks for), with row objects as
    /// `includeObject` says (`None`, `Metadata`, `Object`).
    case table(includeObject: String)

    /// The encoding for an `Accept` header and `includeObject` parameter.
    ///
    /// - Throws: ``APIStatusError`` 406 when only unsupported representations are acceptable.
    static func negotiate(accept: String?, includeObject: String?) throws -> ResponseEncoding {
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
            default:
                continue
            }
        }
        throw APIStatusError(code: 406, reason: "NotAcceptable", message: "only the following media types are accepted: application/json")
    }

    /// The `Content-Type` of a response in this encoding.
    var contentType: String {
        switch self {
        case .plain: return "application/json"
        case .table: return "application/json;as=Table;v=v1;g=meta.k8s.io"
        }
    }
}
