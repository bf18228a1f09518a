import FoundationEssentials

/// The `continue` token of a paginated LIST, in the apiserver's own format: base64 of
/// `{"v":"meta.k8s.io/v1","rv":RV,"start":"KEY\u0000"}`, meaning "the list as of RV,
/// from the first key after KEY".
struct ContinueToken: Sendable, Equatable {
    /// The resourceVersion of the first page; every page shows the store as of it.
    var resourceVersion: Int
    /// The key of the last object already returned.
    var lastKey: String

    /// The token text.
    var encoded: String {
        let json: KubeJSON = [
            "v": "meta.k8s.io/v1", "rv": .integer(resourceVersion), "start": .string(lastKey + "\u{0}"),
        ]
        return Data(json.serialized.utf8).base64EncodedString()
    }

    /// Decodes a token.
    ///
    /// - Throws: ``APIStatusError`` 400 `BadRequest` when it is not one of ours.
    init(decoding text: String) throws {
        let invalid = APIStatusError.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
        var padded = text.replacing("-", with: "+").replacing("_", with: "/")
        while padded.count % 4 != 0 { padded += "=" }
        guard let data = Data(base64Encoded: padded),
              let json = try? KubeJSON.parse(Array(data)),
              json["v"]?.stringValue == "meta.k8s.io/v1",
              let resourceVersion = json["rv"]?.intValue, resourceVersion > 0,
              let start = json["start"]?.stringValue
        else { throw invalid }
        self.resourceVersion = resourceVersion
        self.lastKey = start.hasSuffix("\u{0}") ? String(start.dropLast()) : start
    }

    /// A token from its parts.
    init(resourceVersion: Int, lastKey: String) {
        self.resourceVersion = resourceVersion
        self.lastKey = lastKey
    }
}
