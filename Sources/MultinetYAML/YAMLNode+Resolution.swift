import MultinetJSON

/// What a scalar means, as kubectl reads YAML: sigs.k8s.io/yaml turns YAML into JSON with
/// go-yaml v2, which resolves plain scalars by YAML 1.1's rules.
///
/// - A quoted or block scalar is a string; so is one tagged `!!str`, `!!timestamp`, `!` or
///   with a tag of its own (`!secret`), as go-yaml v2 reads them.
/// - A plain `null`, `Null`, `NULL`, `~` or nothing is null.
/// - A plain `true`/`false` in any of YAML 1.1's spellings is a boolean: `y`, `yes`, `on`,
///   `true` and `n`, `no`, `off`, `false`, each also capitalised or in capitals (so
///   `insecure-skip-tls-verify: yes` is true, as for kubectl).
/// - A plain number JSON can write as written (`443`, `-1.5`, `1e3`) is a number, kept as
///   its text. YAML 1.1's other number forms (`0x1F`, `0777`, `1_000`, `+1`, `.5`, `.inf`)
///   stay the text as written: kubectl would read a different number, which no kubeconfig
///   or theme field takes, and a string field then gets what the file says.
/// - `!!null`, `!!bool`, `!!int` and `!!float` must hold what they say; `!!binary` is refused.
extension YAMLNode {
    /// The prefix `!!` stands for.
    static let coreTagPrefix = "tag:yaml.org,2002:"

    /// A scalar's JSON value (the caller knows `kind` is a scalar).
    func resolvedScalar(_ text: String, _ style: ScalarStyle) throws(YAMLError) -> JSONValue {
        guard let tag else { return style == .plain ? Self.resolvePlain(text) : .string(text) }
        guard tag.hasPrefix(Self.coreTagPrefix) else { return .string(text) }
        switch tag.dropFirst(Self.coreTagPrefix.count) {
        case "null":
            guard Self.resolvePlain(text) == .null else { throw YAMLError(at: self, "a scalar tagged !!null is not null") }
            return .null
        case "bool":
            guard case .bool(let value) = Self.resolvePlain(text) else {
                throw YAMLError(at: self, "a scalar tagged !!bool is not true or false")
            }
            return .bool(value)
        case "int":
            guard Self.isJSONNumber(text, integer: true) else {
                throw YAMLError(at: self, "a scalar tagged !!int is not a decimal integer")
            }
            return .number(text)
        case "float":
            guard Self.isJSONNumber(text, integer: false) else {
                throw YAMLError(at: self, "a scalar tagged !!float is not a decimal number")
            }
            return .number(text)
        case "binary":
            throw YAMLError(at: self, "!!binary scalars are not supported; write the base64 text untagged")
        default:
            return .string(text)
        }
    }

    /// A plain, untagged scalar's value.
    static func resolvePlain(_ text: String) -> JSONValue {
        // Every word of the tables has at most five letters.
        if text.utf8.count <= 5 {
            switch text {
            case "", "~", "null", "Null", "NULL":
                return .null
            case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
                return .bool(true)
            case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
                return .bool(false)
            default:
                break
            }
        }
        return isJSONNumber(text, integer: false) ? .number(text) : .string(text)
    }

    /// Whether `text` is a JSON number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`),
    /// without fraction and exponent when `integer`.
    static func isJSONNumber(_ text: String, integer: Bool) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let first = index
        let whole = digits()
        guard whole > 0, whole == 1 || bytes[first] != UInt8(ascii: "0") else { return false }
        if integer { return index == bytes.count }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}
