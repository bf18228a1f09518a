import MultinetJSON
import MultinetYAML

/// What must hold for any bytes read as a YAML document (a kubeconfig, a theme) by
/// `YAMLNode.parse` and `JSONValue(parsingYAML:)`.
///
/// Shared by the `YAMLParsing` fuzz target and the corpus replay test.
///
/// 1. A rejection is a `YAMLError` with a line and a column of at least 1, on a line the
///    input has (one past the last for an error at its end; CR alone ends a line too).
/// 2. An accepted document's value nests at most 128 levels, and every number in it is
///    JSON's number syntax.
/// 3. Its JSON text parses (as JSON) back to an equal value, and read as YAML again gives
///    the same value too (JSON is the YAML subset the kubeconfig reader relies on), unless
///    a string holds a character JSON writes raw and YAML 1.1 does not take raw: a line
///    break of its own (NEL, LS, PS) or a non-printable one (DEL, C1 controls, U+FFFE,
///    U+FFFF), which a double-quoted YAML escape can produce; or a key whose JSON text is
///    longer than 1,024 characters (libyaml takes an implicit key only up to that length,
///    and JSON's escapes can double a key that was shorter in the YAML: `c""…""` is read
///    as a plain scalar, then written with every `"` as `\"`).
/// 4. Every node of the tree has a position, and the root's is the first node's.
package enum YAMLParsingProperties {
    /// The properties `bytes` break; empty when all hold.
    package static func violations(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        // libyaml ends a line at LF, CR, CR LF, NEL, LS and PS: counting each LF, CR and
        // NEL/LS/PS lead byte bounds its line numbers from above.
        let lines = bytes.count(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0xC2 || $0 == 0xE2 }) + 2
        let root: YAMLNode?
        do {
            root = try YAMLNode.parse(bytes)
        } catch {
            if error.line < 1 || error.column < 1 || error.line > lines {
                problems.append("error at line \(error.line), column \(error.column) of a \(lines - 1)-line input")
            }
            if error.problem.isEmpty { problems.append("an error without a problem") }
            return problems
        }
        guard let root else { return problems }
        if !positioned(root) { problems.append("a node without a position") }
        let value: JSONValue
        do {
            value = try root.jsonValue()
        } catch {
            if error.line < 1 || error.column < 1 { problems.append("conversion error without a position") }
            return problems
        }
        if depth(value) > 128 { problems.append("nesting deeper than 128 levels was accepted") }
        if let number = firstBadNumber(value) { problems.append("number \(number) is not JSON's syntax") }
        let text = value.jsonText
        do {
            if try JSONValue(parsing: text) != value { problems.append("its JSON text parses to another value") }
        } catch {
            problems.append("its JSON text does not parse: \(error)")
        }
        if !holdsRawYAMLTrouble(value), !holdsOverlongJSONKey(value) {
            do {
                if try JSONValue(parsingYAML: Array(text.utf8)) != value { problems.append("its JSON text read as YAML differs") }
            } catch {
                problems.append("its JSON text read as YAML fails: \(error)")
            }
        }
        return problems
    }

    static func positioned(_ node: YAMLNode) -> Bool {
        guard node.line >= 1, node.column >= 1 else { return false }
        switch node.kind {
        case .scalar: return true
        case .sequence(let elements): return elements.allSatisfy(positioned)
        case .mapping(let pairs): return pairs.allSatisfy { positioned($0.key) && positioned($0.value) }
        }
    }

    static func depth(_ value: JSONValue) -> Int {
        switch value {
        case .array(let elements): 1 + (elements.map(depth).max() ?? 0)
        case .object(let object): 1 + (object.map { depth($0.value) }.max() ?? 0)
        default: 0
        }
    }

    static func firstBadNumber(_ value: JSONValue) -> String? {
        switch value {
        case .number(let text): return (try? JSONValue(parsing: text)) == .number(text) ? nil : text
        case .array(let elements): return elements.lazy.compactMap(firstBadNumber).first
        case .object(let object): return object.lazy.compactMap { firstBadNumber($0.value) }.first
        default: return nil
        }
    }

    static func holdsRawYAMLTrouble(_ value: JSONValue) -> Bool {
        func trouble(_ text: String) -> Bool {
            text.unicodeScalars.contains { scalar in
                switch scalar.value {
                case 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: true
                default: false
                }
            }
        }
        switch value {
        case .string(let text): return trouble(text)
        case .array(let elements): return elements.contains(where: holdsRawYAMLTrouble)
        case .object(let object): return object.contains { trouble($0.key) || holdsRawYAMLTrouble($0.value) }
        default: return false
        }
    }

    /// libyaml's limit on an implicit (simple) key: its `:` must follow within this many
    /// characters of the key's start, or the key is stale.
    static let implicitKeyLimit = 1024

    static func holdsOverlongJSONKey(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let elements): return elements.contains(where: holdsOverlongJSONKey)
        case .object(let object):
            return object.contains {
                JSONValue.string($0.key).jsonText.unicodeScalars.count > implicitKeyLimit || holdsOverlongJSONKey($0.value)
            }
        default: return false
        }
    }
}
