import MultinetJSON

/// Typed reads of an object's fields for resource decoding; absent and `null` are the same.
struct KubeFieldReader {
    /// The object read.
    let object: JSONObject
    /// The dotted path of `object` in the document, for errors (empty at the root).
    let path: String

    init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    private func name(_ field: String) -> String { path.isEmpty ? field : path + "." + field }

    func string(_ field: String) throws(KubeDecodingError) -> String? {
        guard let value = object[field], value != .null else { return nil }
        guard let s = value.stringValue else {
            throw .wrongType(field: name(field), expected: "a string", found: value.kindName)
        }
        return s
    }

    func int(_ field: String) throws(KubeDecodingError) -> Int? {
        guard let value = object[field], value != .null else { return nil }
        guard let i = value.intValue else {
            throw .wrongType(field: name(field), expected: "an integer", found: value.kindName)
        }
        return i
    }

    func nested(_ field: String) throws(KubeDecodingError) -> KubeFieldReader {
        guard let value = object[field], value != .null else { return KubeFieldReader(JSONObject(), path: name(field)) }
        guard let o = value.objectValue else {
            throw .wrongType(field: name(field), expected: "an object", found: value.kindName)
        }
        return KubeFieldReader(o, path: name(field))
    }

    func array(_ field: String) throws(KubeDecodingError) -> [JSONValue] {
        guard let value = object[field], value != .null else { return [] }
        guard let a = value.arrayValue else {
            throw .wrongType(field: name(field), expected: "an array", found: value.kindName)
        }
        return a
    }

    func stringMap(_ field: String) throws(KubeDecodingError) -> [String: String] {
        let map = try nested(field)
        var out: [String: String] = [:]
        for (key, value) in map.object {
            guard let s = value.stringValue else {
                throw .wrongType(field: map.name(key), expected: "a string", found: value.kindName)
            }
            out[key] = s
        }
        return out
    }
}
