import MultinetCNI
import MultinetModel

/// The value forms Multus's keys take, read with errors naming the key.
extension ConfigReader {
    func invalid(_ text: String) -> ConfigError {
        .invalidKey(text)
    }

    /// The spelling under which a Multus-only key is present: the exact one, else the one key
    /// equal to it ignoring ASCII case (Multus's JSON decoder matches keys that way, so
    /// `readinessIndicatorFile` works there as `readinessindicatorfile` does); `nil` if absent.
    ///
    /// - Throws: code 7 when two spellings other than the exact one are present.
    func multusKey(_ key: String) throws -> String? {
        if object[key] != nil { return key }
        let folded = Self.asciiLowercased(key)
        let matches = object.keys.filter { Self.asciiLowercased($0) == folded }
        guard matches.count <= 1 else {
            throw invalid("\(matches.map { "\"\($0)\"" }.joined(separator: " and ")) both set \"\(key)\"; keep one")
        }
        return matches.first
    }

    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// A namespace name (DNS-1123 label).
    func namespace(_ key: String) throws -> String? {
        guard let name = try string(key), !name.isEmpty else { return nil }
        if let problem = KubeNames.labelProblem(name) {
            throw invalid("\"\(key)\" \"\(name.prefix(80))\" is not a namespace name: \(problem)")
        }
        return name
    }

    /// Namespace names: an array of strings, or, where `commaSeparated`, one string of names
    /// separated by commas (Multus's `globalNamespaces`; blanks around names are dropped,
    /// empty entries skipped).
    func namespaces(_ key: String, commaSeparated: Bool) throws -> [String]? {
        guard let value = object[key], value != .null else { return nil }
        let names: [String]
        if commaSeparated, let text = value.stringValue {
            names = text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        } else if value.arrayValue != nil {
            names = try stringArray(key) ?? []
        } else {
            throw invalid("\"\(key)\" must be \(commaSeparated ? "an array of namespace names or a comma-separated string" : "an array of namespace names"), not \(value.kindName)")
        }
        for name in names {
            if let problem = KubeNames.labelProblem(name) {
                throw invalid("\"\(key)\" entry \"\(name.prefix(80))\" is not a namespace name: \(problem)")
            }
        }
        return names
    }

    /// A log threshold: multinet's `error`/`warn`/`info`/`debug` or Multus's
    /// `panic`/`error`/`verbose`/`debug`, in any case.
    func logLevel(_ key: String) throws -> MultinetConfig.LogLevel? {
        guard let text = try string(key) else { return nil }
        guard let level = MultinetConfig.LogLevel(configValue: text) else {
            throw invalid("\"\(key)\" \"\(text.prefix(32))\" is not one of error, warn, info, debug (or Multus's panic, verbose)")
        }
        return level
    }

    /// One network reference (`clusterNetwork`); an empty string counts as absent, as in Multus.
    func networkReference(_ key: String) throws -> MultusNetwork? {
        guard let text = try string(key), !text.isEmpty else { return nil }
        return try MultusNetwork.parse(text, key: key)
    }

    /// A list of network references (`defaultNetworks`).
    func networkReferences(_ key: String) throws -> [MultusNetwork]? {
        guard let texts = try stringArray(key) else { return nil }
        var out: [MultusNetwork] = []
        for (index, text) in texts.enumerated() {
            guard !text.isEmpty else { throw invalid("\"\(key)\"[\(index)] is empty") }
            out.append(try MultusNetwork.parse(text, key: "\(key)[\(index)]"))
        }
        return out
    }

    /// Inline network configurations (`delegates`): each a `.conf` or `.conflist` object with a `name`.
    func delegates(_ key: String) throws -> [MultusNetwork]? {
        guard let value = object[key], value != .null else { return nil }
        guard let array = value.arrayValue else { throw invalid("\"\(key)\" must be an array of network configurations, not \(value.kindName)") }
        var out: [MultusNetwork] = []
        for (index, element) in array.enumerated() {
            let label = "\(key)[\(index)]"
            let list = try NetworkConfigList(json: element, source: "multinet configuration: \"\(label)\"", requireName: true)
            try list.refuseSelfDelegation(source: "multinet configuration: \"\(label)\"")
            out.append(MultusNetwork(key: label, reference: .inline(list)))
        }
        return out
    }
}
