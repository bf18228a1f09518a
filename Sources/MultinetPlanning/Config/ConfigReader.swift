import MultinetCNI
import MultinetJSON

/// Typed access to the keys of multinet's configuration, with errors naming the key.
struct ConfigReader {
    let object: JSONObject

    private func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> ConfigError {
        .wrongType(key: key, expected: expected, kind: value.kindName)
    }

    func string(_ key: String) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let s = value.stringValue else { throw wrongType(key, "a string", value) }
        return s
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = object[key], value != .null else { return nil }
        guard let b = value.boolValue else { throw wrongType(key, "true or false", value) }
        return b
    }

    func stringArray(_ key: String) throws -> [String]? {
        guard let value = object[key], value != .null else { return nil }
        guard let array = value.arrayValue else { throw wrongType(key, "an array of strings", value) }
        var out: [String] = []
        for element in array {
            guard let s = element.stringValue else { throw wrongType(key, "an array of strings", element) }
            out.append(s)
        }
        return out
    }

    /// An absolute path: relative paths would depend on the runtime's working directory.
    func path(_ key: String) throws -> String? {
        guard let s = try string(key), !s.isEmpty else { return nil }
        guard s.hasPrefix("/"), !s.utf8.contains(0) else {
            throw ConfigError.invalidKey("\"\(key)\" must be an absolute path, not \"\(s.prefix(128))\"")
        }
        return s
    }

    /// A directory list: one path, a `:`-separated string, or an array of paths.
    func pathList(_ key: String) throws -> [String]? {
        guard let value = object[key], value != .null else { return nil }
        let parts: [String]
        if let s = value.stringValue {
            parts = s.split(separator: ":").map(String.init)
        } else if let a = try? stringArray(key) {
            parts = a
        } else {
            throw wrongType(key, "a path, a ':'-separated list of paths or an array of paths", value)
        }
        for part in parts where !part.hasPrefix("/") {
            throw ConfigError.invalidKey("\"\(key)\" entry \"\(part.prefix(128))\" must be an absolute path")
        }
        return parts
    }

    /// A positive number of seconds.
    func seconds(_ key: String) throws -> Double? {
        guard let value = object[key], value != .null else { return nil }
        guard case .number(let text) = value, let seconds = Double(text) else {
            throw wrongType(key, "a number of seconds", value)
        }
        guard seconds > 0, seconds <= 86_400 else {
            throw ConfigError.invalidKey("\"\(key)\" must be between 0 and 86400 seconds, not \(text)")
        }
        return seconds
    }
}
