import MultinetYAML

extension KubeConfigReader {
    /// ` (line L, column C)`: where the value at `steps` under this reader's object starts
    /// in a YAML file; empty for JSON, or when it cannot be found.
    ///
    /// Only error messages need it, so the text is parsed again then rather than keeping
    /// every value's position on the path that succeeds.
    func position(_ steps: [String]) -> String {
        guard let yaml, let root = try? YAMLNode.parse(yaml), let node = root.descendant(at: location + steps) else {
            return ""
        }
        return " (line \(node.line), column \(node.column))"
    }
}
