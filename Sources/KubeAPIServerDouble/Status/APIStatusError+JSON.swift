extension APIStatusError {
    /// The `Status` object the apiserver sends for this failure.
    public var statusObject: KubeJSON {
        var object: KubeJSON.Object = [
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Failure",
            "message": .string(message), "reason": .string(reason),
        ]
        if let details { object["details"] = details.json }
        object["code"] = .integer(code)
        return .object(object)
    }

    /// A success `Status`, as sent for deleting a custom resource.
    static func successStatus(_ resource: ServedResource, name: String, uid: String?) -> KubeJSON {
        let details = objectDetails(resource, name: name, uid: uid)
        return .object([
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Success",
            "details": details.json,
        ])
    }
}

extension APIStatusError.Details {
    /// The `details` object; empty fields are left out as Go's `omitempty` does.
    var json: KubeJSON {
        var object = KubeJSON.Object()
        if let name { object["name"] = .string(name) }
        if let group { object["group"] = .string(group) }
        if let kind { object["kind"] = .string(kind) }
        if let uid { object["uid"] = .string(uid) }
        if !causes.isEmpty {
            object["causes"] = .array(causes.map { cause in
                var entry = KubeJSON.Object()
                if let reason = cause.reason { entry["reason"] = .string(reason) }
                entry["message"] = .string(cause.message)
                if let field = cause.field { entry["field"] = .string(field) }
                return .object(entry)
            })
        }
        if let retryAfterSeconds { object["retryAfterSeconds"] = .integer(retryAfterSeconds) }
        return .object(object)
    }
}
