/// Why a YAML document cannot be read: where, and what is wrong.
///
/// The problem never quotes the document (a kubeconfig holds secrets): libyaml's messages
/// are fixed texts, and multinet's own name no value, anchor or tag.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// What is wrong, e.g. `found character that cannot start any token`.
    public var problem: String

    /// An error at a position.
    public init(line: Int, column: Int, problem: String) {
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// An error at a node's position.
    init(at node: YAMLNode, _ problem: String) {
        self.init(line: node.line, column: node.column, problem: problem)
    }

    /// `line L, column C: problem`.
    public var description: String {
        "line \(line), column \(column): \(problem)"
    }
}
