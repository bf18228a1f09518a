extension YAMLNode {
    /// Parses one YAML document (UTF-8) with libyaml; `nil` when the text holds no document
    /// (empty, blank or only comments).
    ///
    /// Refused, with the line and column: invalid YAML (libyaml's message), text that is not
    /// UTF-8, a second document, nesting deeper than 128 levels, aliases to an anchor not
    /// defined before them, and aliases that would add more than 100,000 nodes in all.
    public static func parse(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode? {
        try YAMLParser.parse(bytes)
    }
}
