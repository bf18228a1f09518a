import MultinetJSON

/// Indented JSON for the details overlay: keys keep their order and numbers their exact
/// text, so what is shown is what was sent, only laid out.
public enum JSONPrettyPrinter {
    /// The lines of `bytes` pretty-printed; when they are not JSON, the bytes as text, line by line.
    public static func lines(_ bytes: [UInt8], indent: String = "  ") -> [String] {
        guard let value = try? JSONValue(parsing: bytes) else {
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
        }
        var out: [String] = []
        emit(value, prefix: "", indent: indent, level: 0, trailing: "", into: &out)
        return out
    }

    static func emit(_ value: JSONValue, prefix: String, indent: String, level: Int, trailing: String,
                     into out: inout [String]) {
        let pad = String(repeating: indent, count: level)
        switch value {
        case .object(let object) where !object.isEmpty:
            out.append(pad + prefix + "{")
            let pairs = Array(object)
            for (i, pair) in pairs.enumerated() {
                emit(pair.value, prefix: quote(pair.key) + ": ", indent: indent, level: level + 1,
                     trailing: i == pairs.count - 1 ? "" : ",", into: &out)
            }
            out.append(pad + "}" + trailing)
        case .array(let items) where !items.isEmpty:
            out.append(pad + prefix + "[")
            for (i, item) in items.enumerated() {
                emit(item, prefix: "", indent: indent, level: level + 1, trailing: i == items.count - 1 ? "" : ",",
                     into: &out)
            }
            out.append(pad + "]" + trailing)
        default:
            out.append(pad + prefix + value.jsonText + trailing)
        }
    }

    static func quote(_ key: String) -> String { JSONValue.string(key).jsonText }
}
