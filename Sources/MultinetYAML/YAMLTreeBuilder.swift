/// Builds the node tree from libyaml's events without recursion, replacing each alias by
/// the node its anchor names, within ``YAMLParser``'s bounds on depth and expansion.
struct YAMLTreeBuilder {
    /// A sequence or mapping whose end has not been read yet.
    private struct Open {
        var isMapping: Bool
        var tag: String?
        var anchor: String?
        var line: Int
        var column: Int
        var elements: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        /// A mapping's key waiting for its value.
        var key: YAMLNode?
        /// Nodes in the subtree, itself included.
        var size = 1
        /// Levels of nesting in the subtree, itself included.
        var height = 1
    }

    /// A finished node an anchor names.
    private struct Anchored {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    private var open: [Open] = []
    private var anchors: [String: Anchored] = [:]
    private var aliasedNodes = 0
    /// The document's root, once read.
    private(set) var root: YAMLNode?

    mutating func scalar(_ text: String, style: YAMLNode.ScalarStyle, tag: String?, anchor: String?,
                         line: Int, column: Int) throws(YAMLError) {
        add(YAMLNode(.scalar(text, style), tag: tag, line: line, column: column), size: 1, height: 0, anchor: anchor)
    }

    mutating func alias(_ name: String, line: Int, column: Int) throws(YAMLError) {
        guard let target = anchors[name] else {
            throw YAMLError(line: line, column: column,
                            problem: "an alias names an anchor that is not defined before it (or that contains the alias)")
        }
        aliasedNodes += target.size
        guard aliasedNodes <= YAMLParser.maximumAliasedNodes else {
            throw YAMLError(line: line, column: column,
                            problem: "aliases expand the document by more than \(YAMLParser.maximumAliasedNodes) nodes")
        }
        guard open.count + target.height <= YAMLParser.maximumDepth else { throw tooDeep(line: line, column: column) }
        add(target.node, size: target.size, height: target.height, anchor: nil)
    }

    mutating func start(mapping: Bool, tag: String?, anchor: String?, line: Int, column: Int) throws(YAMLError) {
        guard open.count < YAMLParser.maximumDepth else { throw tooDeep(line: line, column: column) }
        open.append(Open(isMapping: mapping, tag: tag, anchor: anchor, line: line, column: column))
    }

    mutating func end() {
        guard let done = open.popLast() else { return }
        let node = YAMLNode(done.isMapping ? .mapping(done.pairs) : .sequence(done.elements), tag: done.tag,
                            line: done.line, column: done.column)
        add(node, size: done.size, height: done.height, anchor: done.anchor)
    }

    private mutating func add(_ node: YAMLNode, size: Int, height: Int, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(node: node, size: size, height: height) }
        guard !open.isEmpty else {
            root = node
            return
        }
        let top = open.count - 1
        open[top].size += size
        open[top].height = max(open[top].height, height + 1)
        if !open[top].isMapping {
            open[top].elements.append(node)
        } else if let key = open[top].key {
            open[top].pairs.append(YAMLNode.Pair(key: key, value: node))
            open[top].key = nil
        } else {
            open[top].key = node
        }
    }

    private func tooDeep(line: Int, column: Int) -> YAMLError {
        YAMLError(line: line, column: column, problem: "sequences and mappings nest deeper than \(YAMLParser.maximumDepth) levels")
    }
}
