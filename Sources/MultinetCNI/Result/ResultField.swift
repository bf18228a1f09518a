import MultinetJSON

/// One value of a result document being read, with its path (`result.ips[1].address`) so
/// that every decoding error names the field it is about.
struct ResultField {
    /// Where the value is, such as `result.ips[1].address`.
    let path: String
    /// The value; `nil` when the key is absent.
    let value: JSONValue?

    /// The whole document.
    init(root value: JSONValue) {
        self.path = "result"
        self.value = value
    }

    private init(path: String, value: JSONValue?) {
        self.path = path
        self.value = value
    }

    /// Whether the value is absent or `null`, which Go reads as the zero value.
    var isAbsent: Bool { value == nil || value == .null }

    /// The value of `key` in this object (absent when this is not an object).
    subscript(key: String) -> ResultField {
        ResultField(path: "\(path).\(key)", value: value?[key])
    }

    /// A decoding failure (CNI error 6) naming this field.
    func failure(_ problem: String) -> CNIError {
        CNIError(code: CNIErrorCode.decodingFailure, msg: "\(path): \(problem)")
    }

    /// `expected a string, found a number`.
    private func wrongType(_ expected: String, _ found: JSONValue) -> CNIError {
        failure("expected \(expected), found \(found.kindName)")
    }

    /// A text quoted as a JSON string, shortened, for messages.
    static func quoted(_ text: String) -> String {
        JSONValue.string(text.count > 80 ? String(text.prefix(80)) + "…" : text).jsonText
    }

    /// The object, `nil` when absent.
    func object() throws(CNIError) -> JSONObject? {
        guard !isAbsent, let value else { return nil }
        guard let object = value.objectValue else { throw wrongType("an object", value) }
        return object
    }

    /// The elements of the array, each with its path; empty when absent.
    func elements() throws(CNIError) -> [ResultField] {
        guard !isAbsent, let value else { return [] }
        guard let array = value.arrayValue else { throw wrongType("an array", value) }
        return array.indices.map { ResultField(path: "\(path)[\($0)]", value: array[$0]) }
    }

    /// The string, `nil` when absent.
    func string() throws(CNIError) -> String? {
        guard !isAbsent, let value else { return nil }
        guard let string = value.stringValue else { throw wrongType("a string", value) }
        return string
    }

    /// The string, which must be present.
    func requiredString() throws(CNIError) -> String {
        guard let string = try string() else { throw failure("missing") }
        return string
    }

    /// The strings of an array of strings; empty when absent.
    func strings() throws(CNIError) -> [String] {
        var strings: [String] = []
        for element in try elements() {
            strings.append(try element.requiredString())
        }
        return strings
    }

    /// The integer, `nil` when absent.
    func int() throws(CNIError) -> Int? {
        guard !isAbsent, let value else { return nil }
        guard case .number(let text) = value else { throw wrongType("an integer", value) }
        guard let int = Int(text) else { throw failure("expected an integer, found \(text)") }
        return int
    }

    /// An IP address such as `10.1.0.1`, `nil` when absent.
    func address() throws(CNIError) -> IPAddress? {
        guard let text = try string() else { return nil }
        guard let address = IPAddress(text) else { throw failure("\(Self.quoted(text)) is not an IP address") }
        return address
    }

    /// An address with prefix length such as `10.1.0.5/16`, which must be present.
    func requiredPrefix() throws(CNIError) -> IPAddressPrefix {
        let text = try requiredString()
        guard let prefix = IPAddressPrefix(text) else { throw failure("\(Self.quoted(text)) is not an IP prefix") }
        return prefix
    }
}
