import MultinetCore
import Yams

/// Turns a YAML kubeconfig into the same `JSONValue` a JSON kubeconfig parses to, so one
/// reader handles both. Only this file touches Yams; JSON files never reach it.
enum KubeConfigYAML {
    /// Parses YAML text; an empty document is an empty object.
    static func parse(_ bytes: [UInt8], path: String) throws(KubeConfigError) -> JSONValue {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformed(path: path, key: nil, reason: "the file is not UTF-8 text")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw .malformed(path: path, key: nil, reason: "invalid YAML: \(describe(error))")
        } catch {
            throw .malformed(path: path, key: nil, reason: "invalid YAML")
        }
        guard let node else { return .object(JSONObject()) }
        return try convert(node, path: path, key: "")
    }

    /// The problem and position, without the file's text (a YAML error's description
    /// quotes the offending line, which may hold a secret).
    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            "\(problem) at line \(mark.line), column \(mark.column)"
        case .composer(_, let problem, let mark, _):
            "\(problem) at line \(mark.line), column \(mark.column)"
        default:
            "the document cannot be parsed"
        }
    }

    private static func convert(_ node: Node, path: String, key: String) throws(KubeConfigError) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int:
                if let int = node.int { return .int(int) }
                return .string(scalar.string)
            case .float: return .number(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var object = JSONObject()
            for (keyNode, valueNode) in mapping {
                guard let name = keyNode.string else {
                    throw .malformed(path: path, key: key.isEmpty ? nil : key, reason: "a mapping key is not a string")
                }
                object[name] = try convert(valueNode, path: path, key: key.isEmpty ? name : key + "." + name)
            }
            return .object(object)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for (index, element) in sequence.enumerated() {
                elements.append(try convert(element, path: path, key: "\(key)[\(index)]"))
            }
            return .array(elements)
        case .alias:
            throw .malformed(path: path, key: key.isEmpty ? nil : key, reason: "YAML aliases are not supported")
        }
    }
}
