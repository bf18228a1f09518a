/// Strategic merge patch, the `application/strategic-merge-patch+json` PATCH type of
/// built-in kinds, as far as pods need it.
///
/// Maps merge like a JSON merge patch. Lists named in ``mergeKeys`` merge element by
/// element on their merge key (`containers` on `name`, ...), lists in
/// ``mergedPrimitiveLists`` are unions, other lists are replaced. The directives kubectl
/// sends are honoured: `$patch` (`replace`, `delete`, `merge`), `$retainKeys`,
/// `$setElementOrder/FIELD` and `$deleteFromPrimitiveList/FIELD`.
enum StrategicMergePatch {
    /// Merge keys of the pod's lists whose patch strategy is `merge`, by field name.
    static let mergeKeys: [String: String] = [
        "containers": "name", "initContainers": "name", "ephemeralContainers": "name",
        "volumes": "name", "env": "name", "ports": "containerPort", "volumeMounts": "mountPath",
        "volumeDevices": "devicePath", "imagePullSecrets": "name", "hostAliases": "ip",
        "podIPs": "ip", "hostIPs": "ip", "conditions": "type", "ownerReferences": "uid",
        "resourceClaims": "name", "schedulingGates": "name", "topologySpreadConstraints": "topologyKey",
    ]

    /// Lists of scalars whose patch strategy is `merge` (a union).
    static let mergedPrimitiveLists: Set<String> = ["finalizers"]

    private static let setElementOrderPrefix = "$setElementOrder/"
    private static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/"

    /// Applies `patch` to `target`.
    ///
    /// - Throws: ``APIStatusError`` 400 for a malformed directive.
    static func apply(_ patch: KubeJSON, to target: KubeJSON?) throws -> KubeJSON {
        guard case .object(let patchObject) = patch else { return patch }
        return try mergeMap(patchObject, into: target?.objectValue) ?? .object([:])
    }

    /// Merges a map; `nil` when the patch deletes it with `$patch: delete`.
    private static func mergeMap(_ patch: KubeJSON.Object, into original: KubeJSON.Object?) throws -> KubeJSON? {
        var patch = patch
        if let directive = patch["$patch"] {
            patch["$patch"] = nil
            switch directive.stringValue {
            case "delete": return nil
            case "replace": return .object(stripDirectives(patch))
            case "merge": break
            default: throw APIStatusError.badRequest("Unknown patch type: \(directive.serialized) in map: \(KubeJSON.object(patch).serialized)")
            }
        }
        var result = original ?? KubeJSON.Object()
        var retainKeys: [String]?
        if let keys = patch["$retainKeys"] {
            patch["$retainKeys"] = nil
            guard let list = keys.arrayValue?.compactMap(\.stringValue) else {
                throw APIStatusError.badRequest("invalid patch: $retainKeys must be a list of strings")
            }
            retainKeys = list
        }
        var orders: [String: [KubeJSON]] = [:]
        for key in patch.keys {
            if key.hasPrefix(setElementOrderPrefix) {
                orders[String(key.dropFirst(setElementOrderPrefix.count))] = patch[key]?.arrayValue ?? []
                patch[key] = nil
            } else if key.hasPrefix(deleteFromPrimitiveListPrefix) {
                let field = String(key.dropFirst(deleteFromPrimitiveListPrefix.count))
                let removals = patch[key]?.arrayValue ?? []
                if let current = result[field]?.arrayValue {
                    result[field] = .array(current.filter { !removals.contains($0) })
                }
                patch[key] = nil
            }
        }
        for (key, value) in patch {
            switch value {
            case .null:
                result[key] = nil
            case .object(let child):
                result[key] = try mergeMap(child, into: result[key]?.objectValue)
            case .array(let elements):
                result[key] = try mergeList(field: key, patch: elements, into: result[key]?.arrayValue)
            default:
                result[key] = value
            }
        }
        for (field, order) in orders {
            if let list = result[field]?.arrayValue {
                result[field] = .array(reorder(list, by: order, mergeKey: mergeKeys[field]))
            }
        }
        if let retainKeys {
            for key in result.keys where !retainKeys.contains(key) { result[key] = nil }
        }
        return .object(result)
    }

    /// Merges a list according to its field's strategy.
    private static func mergeList(field: String, patch: [KubeJSON], into original: [KubeJSON]?) throws -> KubeJSON {
        if mergedPrimitiveLists.contains(field) {
            var result = original ?? []
            for element in patch where !result.contains(element) { result.append(element) }
            return .array(result)
        }
        guard let mergeKey = mergeKeys[field] else {
            return .array(patch.map { element in element.objectValue.map { .object(stripDirectives($0)) } ?? element })
        }
        if patch.contains(where: { $0.objectValue?["$patch"]?.stringValue == "replace" }) {
            return .array(patch.compactMap { element in
                guard let object = element.objectValue, object["$patch"] == nil else { return element }
                return nil
            })
        }
        var result = original ?? []
        for element in patch {
            guard let object = element.objectValue else {
                result.append(element)
                continue
            }
            let key = object[mergeKey]
            let position = key.flatMap { key in result.firstIndex { $0.objectValue?[mergeKey] == key } }
            if object["$patch"]?.stringValue == "delete" {
                if let position { result.remove(at: position) }
                continue
            }
            if let position {
                result[position] = try mergeMap(object, into: result[position].objectValue) ?? .null
            } else {
                result.append(try mergeMap(object, into: nil) ?? .null)
            }
        }
        return .array(result.filter { $0 != .null })
    }

    /// Orders `list` as `order` says (by merge key for maps, by value for scalars); elements
    /// the order does not name keep their relative order after the named ones.
    private static func reorder(_ list: [KubeJSON], by order: [KubeJSON], mergeKey: String?) -> [KubeJSON] {
        func identity(_ element: KubeJSON) -> KubeJSON {
            if let mergeKey, let object = element.objectValue { return object[mergeKey] ?? element }
            return element
        }
        let wanted = order.map(identity)
        var named: [KubeJSON] = []
        for identifier in wanted {
            named.append(contentsOf: list.filter { identity($0) == identifier })
        }
        let rest = list.filter { element in !wanted.contains(identity(element)) }
        return named + rest
    }

    /// The map without `$`-directives, recursively in nested maps.
    private static func stripDirectives(_ object: KubeJSON.Object) -> KubeJSON.Object {
        var result = KubeJSON.Object()
        for (key, value) in object where !key.hasPrefix("$") {
            result[key] = value.objectValue.map { .object(stripDirectives($0)) } ?? value
        }
        return result
    }
}
