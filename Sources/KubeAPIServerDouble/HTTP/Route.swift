/// What a request path names.
enum Route: Sendable, Equatable {
    /// `/version`.
    case version
    /// `/healthz`, `/livez`, `/readyz`.
    case health
    /// `/openapi/v2` (protobuf only).
    case openAPIV2
    /// `/api`: the core group's versions.
    case coreVersions
    /// `/apis`: every other group.
    case groupList
    /// `/apis/GROUP`.
    case group(String)
    /// `/api/v1` or `/apis/GROUP/VERSION`: the resources of a group version.
    case resourceList(group: String, version: String)
    /// A collection or an object of a served resource.
    case resource(ResourcePath)
    /// Anything else.
    case notFound

    /// The part of a path that names objects.
    struct ResourcePath: Sendable, Equatable {
        var resource: ServedResource
        /// The namespace in the path; `nil` for all namespaces or a cluster-scoped resource.
        var namespace: String?
        /// The object name; `nil` for the collection.
        var name: String?
        /// `status`, when the path ends in `/status`.
        var subresource: String?
    }
}
