extension APIStatusError {
    /// The details naming one object of `resource`.
    static func objectDetails(_ resource: ServedResource, name: String, uid: String? = nil) -> Details {
        Details(name: name, group: resource.group.isEmpty ? nil : resource.group, kind: resource.plural, uid: uid)
    }

    /// 404 `pods "x" not found`.
    public static func notFound(_ resource: ServedResource, name: String) -> APIStatusError {
        APIStatusError(
            code: 404, reason: "NotFound", message: "\(resource.qualifiedName) \"\(name)\" not found",
            details: objectDetails(resource, name: name))
    }

    /// 404 for a path the server does not serve.
    public static var pathNotFound: APIStatusError {
        APIStatusError(
            code: 404, reason: "NotFound", message: "the server could not find the requested resource",
            details: Details())
    }

    /// 409 `pods "x" already exists`.
    public static func alreadyExists(_ resource: ServedResource, name: String) -> APIStatusError {
        APIStatusError(
            code: 409, reason: "AlreadyExists", message: "\(resource.qualifiedName) \"\(name)\" already exists",
            details: objectDetails(resource, name: name))
    }

    /// 409 for an update based on a stale `resourceVersion` (or a failed precondition).
    public static func conflict(_ resource: ServedResource, name: String, problem: String? = nil) -> APIStatusError {
        let problem = problem ?? "the object has been modified; please apply your changes to the latest version and try again"
        return APIStatusError(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(resource.qualifiedName) \"\(name)\": \(problem)",
            details: objectDetails(resource, name: name))
    }

    /// 422 `Pod "x" is invalid: field: message`.
    public static func invalid(_ resource: ServedResource, name: String, causes: [Cause]) -> APIStatusError {
        let summary = causes.map { cause in
            [cause.field, cause.message].compactMap { $0 }.joined(separator: ": ")
        }
        let joined = summary.count == 1 ? summary[0] : "[" + summary.joined(separator: ", ") + "]"
        let kindName = resource.group.isEmpty ? resource.kind : "\(resource.kind).\(resource.group)"
        return APIStatusError(
            code: 422, reason: "Invalid", message: "\(kindName) \"\(name)\" is invalid: \(joined)",
            details: Details(
                name: name, group: resource.group.isEmpty ? nil : resource.group, kind: resource.kind,
                causes: causes))
    }

    /// 400 with `message`.
    public static func badRequest(_ message: String) -> APIStatusError {
        APIStatusError(code: 400, reason: "BadRequest", message: message)
    }

    /// 410 `Expired` with `message` (a too old resourceVersion or continue token).
    public static func expired(_ message: String) -> APIStatusError {
        APIStatusError(code: 410, reason: "Expired", message: message)
    }

    /// 405 for a verb the resource does not support.
    public static var methodNotAllowed: APIStatusError {
        APIStatusError(
            code: 405, reason: "MethodNotAllowed",
            message: "the server does not allow this method on the requested resource", details: Details())
    }

    /// 415 for a PATCH content type the server does not know.
    public static func unsupportedMediaType(_ contentType: String) -> APIStatusError {
        APIStatusError(
            code: 415, reason: "UnsupportedMediaType",
            message: "the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, "
                + "application/strategic-merge-patch+json (got \(contentType))")
    }

    /// 401 with no details, exactly as the apiserver sends it.
    public static var unauthorized: APIStatusError {
        APIStatusError(code: 401, reason: "Unauthorized", message: "Unauthorized")
    }

    /// 403 for a user that may not perform `verb` on `resource`.
    public static func forbidden(
        user: String, verb: String, resource: ServedResource, namespace: String?, name: String?
    ) -> APIStatusError {
        let subject = name.map { "\(resource.qualifiedName) \"\($0)\"" } ?? resource.qualifiedName
        var message = "\(subject) is forbidden: User \"\(user)\" cannot \(verb) resource \"\(resource.plural)\" "
            + "in API group \"\(resource.group)\""
        if let namespace { message += " in the namespace \"\(namespace)\"" } else if resource.namespaced {
            message += " at the cluster scope"
        }
        return APIStatusError(
            code: 403, reason: "Forbidden", message: message,
            details: Details(name: name, group: resource.group.isEmpty ? nil : resource.group, kind: resource.plural))
    }

    /// A status for an injected HTTP failure with the `reason` the apiserver uses for that code.
    public static func injected(code: Int, retryAfterSeconds: Int? = nil, message: String? = nil) -> APIStatusError {
        switch code {
        case 429:
            return APIStatusError(
                code: 429, reason: "TooManyRequests",
                message: message ?? "Too many requests, please try again later.",
                details: Details(retryAfterSeconds: retryAfterSeconds ?? 1))
        case 401: return .unauthorized
        case 500:
            let text = message ?? "injected fault"
            return APIStatusError(
                code: 500, reason: "InternalError", message: "Internal error occurred: \(text)",
                details: Details(causes: [Cause(message: text)], retryAfterSeconds: retryAfterSeconds))
        case 503:
            return APIStatusError(
                code: 503, reason: "ServiceUnavailable", message: message ?? "The server is currently unable to handle the request",
                details: retryAfterSeconds.map { Details(retryAfterSeconds: $0) })
        case 504:
            return APIStatusError(
                code: 504, reason: "Timeout", message: message ?? "The server was unable to return a response in the time allotted",
                details: retryAfterSeconds.map { Details(retryAfterSeconds: $0) })
        default:
            return APIStatusError(
                code: code, reason: code >= 500 ? "InternalError" : "BadRequest",
                message: message ?? "injected fault (HTTP \(code))",
                details: retryAfterSeconds.map { Details(retryAfterSeconds: $0) })
        }
    }
}
