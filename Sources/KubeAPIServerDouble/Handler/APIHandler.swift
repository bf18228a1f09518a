import FoundationEssentials

/// Answers authenticated requests: discovery documents and the verbs on resources. Pure
/// request-in, response-out over a ``KubeObjectStore``; no sockets.
struct APIHandler: Sendable {
    var store: KubeObjectStore
    var router = Router()
    var discovery: Discovery
    /// Users that get 403 on every resource request.
    var forbiddenUsers: Set<String> = []
    /// Whether creating an object in a namespace that does not exist is 404, as in a cluster.
    var requiresNamespaces = true
    /// `host:port` for `/api`'s `serverAddressByClientCIDRs`.
    var serverAddress: @Sendable () -> String
    /// The clock for table ages.
    var now: @Sendable () -> Date = { Date() }

    /// The response to `request` from `user`.
    func handle(_ request: APIRequest, user: KubeUser) -> APIResponse {
        do {
            return try dispatch(request, user: user)
        } catch let error as APIStatusError {
            return .status(error)
        } catch {
            return .status(.injected(code: 500, message: "\(error)"))
        }
    }

    private func dispatch(_ request: APIRequest, user: KubeUser) throws -> APIResponse {
        let route = router.route(request.path)
        if case .resource(let path) = route {
            return try handleResource(request, path: path, user: user)
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            if route == .notFound { throw APIStatusError.pathNotFound }
            throw APIStatusError.methodNotAllowed
        }
        switch route {
        case .version:
            return .json(discovery.version)
        case .health:
            return .text("ok")
        case .openAPIV2:
            let accept = request.header("accept") ?? ""
            guard accept.contains(OpenAPIDocument.requestedType) || accept.contains(OpenAPIDocument.contentType) else {
                throw APIStatusError(
                    code: 406, reason: "NotAcceptable",
                    message: "only the following media types are accepted: \(OpenAPIDocument.contentType)")
            }
            return APIResponse(
                status: 200, headers: [("Content-Type", OpenAPIDocument.contentType)],
                body: .bytes(OpenAPIDocument.protobuf(kubernetesVersion: discovery.kubernetesVersion)))
        case .coreVersions:
            return .json(discovery.coreVersions(serverAddress: serverAddress()))
        case .groupList:
            return .json(discovery.groupList)
        case .group(let name):
            guard let group = discovery.group(name) else { throw APIStatusError.pathNotFound }
            return .json(group)
        case .resourceList(let group, let version):
            return .json(discovery.resourceList(group: group, version: version))
        case .resource, .notFound:
            throw APIStatusError.pathNotFound
        }
    }
}
