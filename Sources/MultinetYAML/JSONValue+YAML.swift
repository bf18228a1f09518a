import MultinetJSON

extension JSONValue {
    /// Parses one YAML document into the JSON value kubectl would read from it (see
    /// ``YAMLNode/jsonValue()``); a text without a document is `null`.
    public init(parsingYAML bytes: [UInt8]) throws(YAMLError) {
        self = try YAMLNode.parse(bytes)?.jsonValue() ?? .null
    }
}
