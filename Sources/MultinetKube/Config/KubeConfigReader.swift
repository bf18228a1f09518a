import MultinetJSON

/// Typed access to one kubeconfig object, with errors naming the file and the key (and,
/// in a YAML file, the line).
struct KubeConfigReader {
    /// The kubeconfig file, for messages.
    let path: String
    /// Where `object` sits in the file, for messages (`cluster "prod"`).
    let key: String
    /// The object read.
    let object: JSONObject
    /// The YAML text the document came from, to find a faulty value's line (only when a
    /// message needs it); `nil` for JSON.
    var yaml: [UInt8]? = nil
    /// Where `object` sits in the document, as keys and list indices.
    var location: [String] = []

    private func name(_ field: String) -> String { key.isEmpty ? field : "\(key): \(field)" }

    private func wrongType(_ field: String, _ expected: String, _ value: JSONValue,
                           at steps: [String]? = nil) -> KubeConfigError {
        .malformed(path: path, key: name(field),
                   reason: "expected \(expected), found \(value.kindName)" + position(steps ?? [field]))
    }

    private func nested(_ object: JSONObject, key: String, steps: [String]) -> KubeConfigReader {
        KubeConfigReader(path: path, key: key, object: object, yaml: yaml, location: location + steps)
    }

    /// A string; numbers are accepted as their text (YAML writes `token: 12345` unquoted).
    func string(_ field: String) throws(KubeConfigError) -> String? {
        guard let value = object[field], value != .null else { return nil }
        switch value {
        case .string(let s): return s
        case .number(let n): return n
        default: throw wrongType(field, "a string", value)
        }
    }

    /// A non-empty string; an empty string counts as unset, as in kubectl.
    func nonEmptyString(_ field: String) throws(KubeConfigError) -> String? {
        guard let s = try string(field), !s.isEmpty else { return nil }
        return s
    }

    /// A boolean.
    func bool(_ field: String) throws(KubeConfigError) -> Bool? {
        guard let value = object[field], value != .null else { return nil }
        guard let b = value.boolValue else { throw wrongType(field, "true or false", value) }
        return b
    }

    /// An array of strings.
    func stringArray(_ field: String) throws(KubeConfigError) -> [String]? {
        guard let value = object[field], value != .null else { return nil }
        guard let array = value.arrayValue else { throw wrongType(field, "a list of strings", value) }
        var out: [String] = []
        for element in array {
            switch element {
            case .string(let s): out.append(s)
            case .number(let n): out.append(n)
            default: throw wrongType(field, "a list of strings", element, at: [field, String(out.count)])
            }
        }
        return out
    }

    /// A nested object as a reader, or `nil` when absent.
    func object(_ field: String, key nestedKey: String? = nil) throws(KubeConfigError) -> KubeConfigReader? {
        guard let value = object[field], value != .null else { return nil }
        guard let nested = value.objectValue else { throw wrongType(field, "a mapping", value) }
        return self.nested(nested, key: nestedKey ?? name(field), steps: [field])
    }

    /// A list of objects as readers; elements keep this reader's key plus their index.
    func objects(_ field: String) throws(KubeConfigError) -> [KubeConfigReader] {
        guard let value = object[field], value != .null else { return [] }
        guard let array = value.arrayValue else { throw wrongType(field, "a list", value) }
        var out: [KubeConfigReader] = []
        for (index, element) in array.enumerated() {
            guard let nested = element.objectValue else {
                throw wrongType("\(field)[\(index)]", "a mapping", element, at: [field, String(index)])
            }
            out.append(self.nested(nested, key: name("\(field)[\(index)]"), steps: [field, String(index)]))
        }
        return out
    }

    /// Base64 `-data`, decoded.
    func base64(_ field: String) throws(KubeConfigError) -> [UInt8]? {
        guard let text = try nonEmptyString(field) else { return nil }
        guard let bytes = Base64.decode(text) else {
            throw .invalidValue(path: path, key: name(field), reason: "not valid base64" + position([field]))
        }
        return bytes
    }

    /// A file path, made absolute against the kubeconfig's directory.
    func filePath(_ field: String) throws(KubeConfigError) -> String? {
        guard let s = try nonEmptyString(field) else { return nil }
        return KubeConfigPath.resolve(s, relativeTo: KubeConfigPath.directory(of: path))
    }
}
