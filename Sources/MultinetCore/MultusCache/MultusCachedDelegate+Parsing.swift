import MultinetCNI
import MultinetJSON
import MultinetKube

extension MultusCachedDelegate {
    /// Reads one element of a Multus cache entry (a marshalled `DelegateNetConf`). Never
    /// throws: an element that cannot be torn down keeps the first thing wrong with it in
    /// ``problem``, naming `source`, the element and the field.
    ///
    /// The configuration is the element's `Bytes` (base64, as Go writes a `[]byte`) — the
    /// exact bytes Multus sent the delegate — unless `CNINetworkConfigList` holds the list
    /// as libcni loaded it: Multus releases before its fix for lossy conflist delegates ran
    /// ADD from that copy but kept a reduced one in `Bytes`, so the list is rebuilt from it,
    /// as Multus's own DEL does since that fix (``restoredList(_:housekeeping:label:)``).
    public init(parsing element: JSONObject, index: Int, source: String) {
        let name = element["Name"]?.stringValue ?? ""
        self.init(index: index, name: name, isConfList: false, configuration: nil)
        let label = "\(source): delegate \(index)" + (name.isEmpty ? "" : " (\"\(name.prefix(128))\")")
        do throws {
            try read(element, label: label)
        } catch {
            configuration = nil
            problem = CNIError(reporting: error)
        }
    }

    private mutating func read(_ element: JSONObject, label: String) throws {
        _ = try Self.string(element, "Name", label)
        ifnameRequest = try Self.string(element, "ifnameRequest", label)
        if let requested = ifnameRequest, !requested.isEmpty,
           let problem = CNIEnvironment.interfaceNameProblem(requested) {
            throw MultusCacheProblem.malformed("\(label): ifnameRequest \"\(requested.prefix(64))\" is not an interface name", details: problem)
        }
        macRequest = try Self.string(element, "macRequest", label)
        infinibandGUIDRequest = try Self.string(element, "infinibandGUIDRequest", label)
        deviceID = try Self.string(element, "deviceID", label)
        ipRequest = try Self.strings(element, "ipRequest", label)

        let confList = try Self.object(element, "ConfList", label) ?? JSONObject()
        if let plugins = confList["plugins"], plugins != .null {
            guard let array = plugins.arrayValue else {
                throw MultusCacheProblem.malformed("\(label): ConfList.plugins must be an array, not \(plugins.kindName)")
            }
            isConfList = !array.isEmpty
        }
        confListCNIVersion = try Self.string(confList, "cniVersion", label + ": ConfList") ?? ""

        let housekeeping = try Self.bytes(element, "Bytes", label)
        let document: JSONValue
        if let restored = try Self.restoredList(element["CNINetworkConfigList"], housekeeping: housekeeping, label: label) {
            document = restored
        } else {
            guard let housekeeping, !housekeeping.isEmpty else {
                throw MultusCacheProblem.malformed("\(label): Bytes is empty: Multus recorded no configuration to tear it down with")
            }
            do {
                document = try JSONValue(parsing: housekeeping)
            } catch {
                throw MultusCacheProblem.undecodable("\(label): its configuration (Bytes, decoded) is not valid JSON", details: error.description)
            }
        }
        let list = try NetworkConfigList(json: document, source: "\(label): its configuration (Bytes)", requireName: false)
        let isList = document["plugins"] != nil
        if isList != isConfList {
            throw MultusCacheProblem.malformed(isConfList
                               ? "\(label): ConfList lists plugins, but its configuration (Bytes) is a single plugin configuration"
                               : "\(label): its configuration (Bytes) is a configuration list, but ConfList lists no plugins")
        }
        if isList && list.name.isEmpty {
            throw MultusCacheProblem.malformed("\(label): its configuration list (Bytes) has no \"name\"")
        }
        configuration = list
    }

    /// A string field; `nil` when absent or `null`.
    static func string(_ object: JSONObject, _ key: String, _ label: String) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw MultusCacheProblem.malformed("\(label): \(key) must be a string, not \(value.kindName)")
        }
        return text
    }

    /// An array-of-strings field; `nil` when absent or `null`.
    static func strings(_ object: JSONObject, _ key: String, _ label: String) throws -> [String]? {
        guard let value = object[key], value != .null else { return nil }
        guard let array = value.arrayValue else {
            throw MultusCacheProblem.malformed("\(label): \(key) must be an array of strings, not \(value.kindName)")
        }
        var out: [String] = []
        for (position, item) in array.enumerated() {
            guard let text = item.stringValue else {
                throw MultusCacheProblem.malformed("\(label): \(key)[\(position)] must be a string, not \(item.kindName)")
            }
            out.append(text)
        }
        return out
    }

    /// An object field; `nil` when absent or `null`.
    static func object(_ object: JSONObject, _ key: String, _ label: String) throws -> JSONObject? {
        guard let value = object[key], value != .null else { return nil }
        guard let inner = value.objectValue else {
            throw MultusCacheProblem.malformed("\(label): \(key) must be an object, not \(value.kindName)")
        }
        return inner
    }

    /// A Go `[]byte` field (base64 text), decoded; `nil` when absent or `null`.
    static func bytes(_ object: JSONObject, _ key: String, _ label: String) throws -> [UInt8]? {
        guard let text = try string(object, key, label) else { return nil }
        guard let bytes = Base64.decode(text) else {
            throw MultusCacheProblem.undecodable("\(label): \(key) is not valid base64",
                           details: "it begins \"\(text.prefix(24))\"")
        }
        return bytes
    }
}
