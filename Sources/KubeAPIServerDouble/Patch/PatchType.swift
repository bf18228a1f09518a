/// The PATCH flavours the double understands, by `Content-Type`.
enum PatchType: String, Sendable, CaseIterable {
    case merge = "application/merge-patch+json"
    case strategicMerge = "application/strategic-merge-patch+json"
    case json = "application/json-patch+json"

    /// The type for a `Content-Type` header value (parameters such as `charset` ignored).
    init?(contentType: String) {
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingSpaces.lowercased() } ?? ""
        self.init(rawValue: mediaType)
    }

    /// Applies `patch` to `object` for `resource`.
    ///
    /// - Throws: ``APIStatusError``: 415 when strategic merge patch is used on a custom
    ///   resource (as the apiserver answers), 400/422 when the patch does not apply.
    func apply(_ patch: KubeJSON, to object: KubeJSON, resource: ServedResource) throws -> KubeJSON {
        switch self {
        case .merge:
            return MergePatch.apply(patch, to: object)
        case .strategicMerge:
            guard !resource.isCustomResource else {
                throw APIStatusError(
                    code: 415, reason: "UnsupportedMediaType",
                    message: "the body of the request was in an unknown format - accepted media types include: "
                        + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
            }
            return try StrategicMergePatch.apply(patch, to: object)
        case .json:
            return try JSONPatch.apply(patch, to: object)
        }
    }
}
