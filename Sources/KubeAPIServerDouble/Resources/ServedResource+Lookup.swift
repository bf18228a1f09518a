extension ServedResource {
    /// The served resource of an object, by its `apiVersion` and `kind`.
    ///
    /// - Throws: ``APIStatusError`` 400 when no served resource has that kind.
    public static func of(_ object: KubeJSON) throws -> ServedResource {
        let apiVersion = object.string(at: "apiVersion") ?? ""
        let kind = object.string(at: "kind") ?? ""
        guard let resource = all.first(where: { $0.apiVersion == apiVersion && $0.kind == kind }) else {
            throw APIStatusError.badRequest("no served resource for apiVersion \"\(apiVersion)\", kind \"\(kind)\"")
        }
        return resource
    }
}
