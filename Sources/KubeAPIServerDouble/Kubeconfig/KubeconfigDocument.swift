import FoundationEssentials

/// A kubeconfig with one cluster, one user and one context (the current one), rendered as
/// YAML or JSON.
struct KubeconfigDocument: Sendable {
    /// A value that is either embedded (`…-data`, base64) or a file path.
    enum Material: Sendable, Equatable {
        case data(String)
        case file(String)
    }

    var name: String
    var server: String
    var certificateAuthority: Material?
    var namespace: String?
    /// The user's fields in kubeconfig spelling (`token`, `client-certificate-data`, ...).
    var user: KubeJSON.Object

    /// The kubeconfig object.
    var json: KubeJSON {
        var cluster: KubeJSON.Object = ["server": .string(server)]
        switch certificateAuthority {
        case .data(let pem)?: cluster["certificate-authority-data"] = .string(Self.base64(pem))
        case .file(let path)?: cluster["certificate-authority"] = .string(path)
        case nil: break
        }
        var context: KubeJSON.Object = ["cluster": .string(name), "user": .string(name)]
        if let namespace { context["namespace"] = .string(namespace) }
        return [
            "apiVersion": "v1", "kind": "Config",
            "clusters": [["name": .string(name), "cluster": .object(cluster)]],
            "users": [["name": .string(name), "user": .object(user)]],
            "contexts": [["name": .string(name), "context": .object(context)]],
            "current-context": .string(name),
            "preferences": .object([:]),
        ]
    }

    /// The text in `format`.
    func rendered(_ format: KubeconfigFormat) -> String {
        switch format {
        case .json: return json.serialized + "\n"
        case .yaml: return YAMLWriter.render(json)
        }
    }

    /// Base64 of a PEM's UTF-8 bytes, as `…-data` fields hold it.
    static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}

/// Renders JSON values as block YAML the way kubectl writes a kubeconfig: strings plain
/// where that cannot be misread (`server: https://10.0.0.1:6443`, `token: abc`), and
/// double-quoted (JSON string syntax is valid YAML) where a plain scalar would mean
/// something else (`"true"`, `"8080"`, `""`) or could not be written plain.
enum YAMLWriter {
    static func render(_ value: KubeJSON) -> String {
        var lines: [String] = []
        write(value, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func scalar(_ value: KubeJSON) -> String? {
        switch value {
        case .object(let object) where object.isEmpty: return "{}"
        case .array(let array) where array.isEmpty: return "[]"
        case .object, .array: return nil
        case .string(let text) where isPlainSafe(text): return text
        default: return value.serialized
        }
    }

    /// YAML 1.1's words for booleans and null, which a plain scalar would turn into one.
    private static let reservedWords: Set<String> = [
        "y", "yes", "true", "on", "n", "no", "false", "off", "null", "~",
    ]

    /// Whether `text` reads back as the same string when written plain: it starts with a
    /// letter or `/`, holds only letters, digits and `._/:=+@-`, does not end with `:`, and
    /// is no YAML 1.1 boolean or null word.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "/", text.last != ":",
              !reservedWords.contains(text.lowercased()) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._/:=+@-".unicodeScalars.contains(scalar))
        }
    }

    private static func write(_ value: KubeJSON, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let object):
            for (key, member) in object {
                let keyText = isPlainSafe(key) ? key : KubeJSON.string(key).serialized
                if let text = scalar(member) {
                    lines.append("\(pad)\(keyText): \(text)")
                } else {
                    lines.append("\(pad)\(keyText):")
                    // Sequences sit at their key's indentation, as kubectl writes them.
                    let childIndent = member.arrayValue == nil ? indent + 2 : indent
                    write(member, indent: childIndent, into: &lines)
                }
            }
        case .array(let elements):
            for element in elements {
                if let text = scalar(element) {
                    lines.append("\(pad)- \(text)")
                } else {
                    var nested: [String] = []
                    write(element, indent: indent + 2, into: &nested)
                    if var first = nested.first {
                        first = pad + "- " + first.dropFirst(indent + 2)
                        lines.append(first)
                        lines.append(contentsOf: nested.dropFirst())
                    }
                }
            }
        default:
            lines.append(pad + (scalar(value) ?? ""))
        }
    }
}
