/// One node of a YAML document as libyaml read it: a scalar, a sequence or a mapping, with
/// its explicit tag (if any) and where it starts in the file.
///
/// Aliases are already replaced by the node their anchor names; mappings keep every pair in
/// the order written, duplicates included (``jsonValue()`` decides what a duplicate means).
public struct YAMLNode: Sendable, Equatable {
    /// How a scalar was written: a plain scalar is resolved (`true`, `null`, `12`), any other
    /// style is a string.
    public enum ScalarStyle: Sendable, Equatable {
        /// Unquoted.
        case plain
        /// `'…'`.
        case singleQuoted
        /// `"…"`, with escapes.
        case doubleQuoted
        /// A `|` block.
        case literal
        /// A `>` block.
        case folded
    }

    /// One key and its value in a mapping.
    public struct Pair: Sendable, Equatable {
        /// The key (a scalar in every document multinet reads).
        public var key: YAMLNode
        /// The value.
        public var value: YAMLNode

        /// A pair.
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// What the node holds.
    public enum Kind: Sendable, Equatable {
        /// A scalar's text (escapes and folding applied) and how it was written.
        case scalar(String, ScalarStyle)
        /// A sequence's elements.
        case sequence([YAMLNode])
        /// A mapping's pairs, in order.
        case mapping([Pair])
    }

    /// What the node holds.
    public var kind: Kind
    /// The explicit tag, expanded (`!!str` is `tag:yaml.org,2002:str`); `nil` when none was written.
    public var tag: String?
    /// The 1-based line where the node starts.
    public var line: Int
    /// The 1-based column where the node starts.
    public var column: Int

    /// A node.
    public init(_ kind: Kind, tag: String? = nil, line: Int, column: Int) {
        self.kind = kind
        self.tag = tag
        self.line = line
        self.column = column
    }

    /// The text of a scalar, however it was written; `nil` for a sequence or a mapping.
    public var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// The elements of a sequence.
    public var sequenceElements: [YAMLNode]? {
        if case .sequence(let elements) = kind { return elements }
        return nil
    }

    /// The pairs of a mapping.
    public var mappingPairs: [Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }
}
