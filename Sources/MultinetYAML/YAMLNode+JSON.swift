import MultinetJSON

/// A YAML node as the JSON value kubectl would read from it (sigs.k8s.io/yaml's
/// `YAMLToJSON`, non-strict go-yaml v2), so one reader handles YAML and JSON files alike.
///
/// - Mappings become objects; a key repeated in a mapping replaces the earlier value (go-yaml
///   v2 outside strict mode, which is how kubectl loads kubeconfigs).
/// - A merge key (plain `<<`) copies the keys of the mapping it names, or of each mapping of
///   a list (the earlier one winning), in place: keys after it replace them, as in go-yaml v2.
/// - Keys are the scalar's text; a plain key that resolves to a boolean is `"true"` or
///   `"false"`, as sigs.k8s.io/yaml writes it; a null or non-scalar key is refused.
/// - Scalars resolve as ``resolvedScalar(_:_:)`` says; tags on sequences and mappings are
///   ignored, as go-yaml v2 ignores them.
extension YAMLNode {
    /// The JSON value of this node and everything under it.
    public func jsonValue() throws(YAMLError) -> JSONValue {
        switch kind {
        case .scalar(let text, let style):
            return try resolvedScalar(text, style)
        case .sequence(let elements):
            var values: [JSONValue] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try element.jsonValue()) }
            return .array(values)
        case .mapping(let pairs):
            var object = JSONObject()
            for pair in pairs {
                if pair.key.isMergeKey {
                    try pair.value.merge(into: &object)
                } else {
                    object[try pair.key.jsonKey()] = try pair.value.jsonValue()
                }
            }
            return .object(object)
        }
    }

    /// Whether this is the merge key `<<` (plain, or tagged `!!merge`).
    var isMergeKey: Bool {
        guard case .scalar("<<", let style) = kind else { return false }
        return tag == nil ? style == .plain : tag == Self.coreTagPrefix + "merge"
    }

    /// The JSON key this scalar stands for.
    func jsonKey() throws(YAMLError) -> String {
        guard case .scalar(let text, let style) = kind else {
            throw YAMLError(at: self, "a mapping key is a sequence or a mapping; keys must be scalars")
        }
        switch try resolvedScalar(text, style) {
        case .null: throw YAMLError(at: self, "a mapping key is null")
        case .bool(let value): return value ? "true" : "false"
        default: return text
        }
    }

    /// Copies this merge value's keys into `object`.
    private func merge(into object: inout JSONObject) throws(YAMLError) {
        switch kind {
        case .mapping:
            guard case .object(let merged) = try jsonValue() else { return }
            for (key, value) in merged { object[key] = value }
        case .sequence(let elements):
            // The earlier mapping wins: apply them last to first.
            for element in elements.reversed() {
                guard element.mappingPairs != nil else { throw Self.badMerge(element) }
                try element.merge(into: &object)
            }
        case .scalar:
            throw Self.badMerge(self)
        }
    }

    private static func badMerge(_ node: YAMLNode) -> YAMLError {
        YAMLError(at: node, "a merge key (<<) takes a mapping or a list of mappings")
    }
}
