extension YAMLNode {
    /// The node at `steps` (mapping keys and sequence indices) below this one, found as
    /// ``jsonValue()`` reads the document: the last pair with a key wins, and a key a merge
    /// (`<<`) brought in is found in the merged mapping. `nil` when there is none.
    public func descendant(at steps: some Collection<String>) -> YAMLNode? {
        guard let step = steps.first else { return self }
        let rest = steps.dropFirst()
        switch kind {
        case .scalar:
            return nil
        case .sequence(let elements):
            guard let index = Int(step), elements.indices.contains(index) else { return nil }
            return elements[index].descendant(at: rest)
        case .mapping(let pairs):
            for pair in pairs.reversed() {
                if pair.key.isMergeKey {
                    let sources = pair.value.sequenceElements ?? [pair.value]
                    for source in sources {
                        if source.mappingPairs != nil, let found = source.descendant(at: steps) { return found }
                    }
                } else if (try? pair.key.jsonKey()) == step {
                    return pair.value.descendant(at: rest)
                }
            }
            return nil
        }
    }
}
