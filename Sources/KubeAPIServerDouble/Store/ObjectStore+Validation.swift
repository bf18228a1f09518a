extension ObjectStore {
    /// The checks the apiserver makes that clients are likely to run into: a name (a
    /// DNS-1123 subdomain, or a label for namespaces), pods with containers that have a name
    /// and an image, `spec.config` of a NetworkAttachmentDefinition being a string,
    /// `spec.plugin` of a Network being a string, DaemonSets (``DaemonSetValidation``) and
    /// CustomResourceDefinitions (``CustomResourceDefinitionValidation``).
    ///
    /// - Parameter previous: the stored object, on an update.
    /// - Throws: ``APIStatusError`` 422 `Invalid` listing every problem.
    static func validate(_ object: KubeJSON, resource: ServedResource, previous: KubeJSON? = nil) throws {
        let name = object.string(at: "metadata.name") ?? ""
        var causes: [APIStatusError.Cause] = []
        if name.isEmpty {
            causes.append(.init(
                reason: "FieldValueRequired", message: "Required value: name or generateName is required",
                field: "metadata.name"))
        } else if let problem = nameProblem(name, resource: resource) {
            causes.append(.init(
                reason: "FieldValueInvalid", message: "Invalid value: \"\(name)\": \(problem)", field: "metadata.name"))
        }
        switch resource {
        case .pods:
            causes += podProblems(object)
        case .networkAttachmentDefinitions:
            if let config = object.value(at: "spec.config"), config.stringValue == nil {
                causes.append(.init(
                    reason: "FieldValueTypeInvalid",
                    message: "Invalid value: \"\(typeName(config))\": spec.config in body must be of type string: \"\(typeName(config))\"",
                    field: "spec.config"))
            }
        case .networks:
            if let plugin = object.value(at: "spec.plugin"), plugin.stringValue == nil {
                causes.append(.init(
                    reason: "FieldValueTypeInvalid",
                    message: "Invalid value: \"\(typeName(plugin))\": spec.plugin in body must be of type string: \"\(typeName(plugin))\"",
                    field: "spec.plugin"))
            }
        case .daemonSets:
            causes += DaemonSetValidation.problems(object)
        case .customResourceDefinitions:
            causes += CustomResourceDefinitionValidation.problems(object, previous: previous)
        default:
            break
        }
        guard causes.isEmpty else { throw APIStatusError.invalid(resource, name: name, causes: causes) }
    }

    private static func podProblems(_ object: KubeJSON) -> [APIStatusError.Cause] {
        guard let containers = object.value(at: "spec.containers")?.arrayValue, !containers.isEmpty else {
            return [.init(reason: "FieldValueRequired", message: "Required value", field: "spec.containers")]
        }
        var causes: [APIStatusError.Cause] = []
        for (index, container) in containers.enumerated() {
            if container["name"]?.stringValue?.isEmpty ?? true {
                causes.append(.init(reason: "FieldValueRequired", message: "Required value", field: "spec.containers[\(index)].name"))
            }
            if container["image"]?.stringValue?.isEmpty ?? true {
                causes.append(.init(reason: "FieldValueRequired", message: "Required value", field: "spec.containers[\(index)].image"))
            }
        }
        return causes
    }

    private static func typeName(_ value: KubeJSON) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Why `name` is not a valid object name, or `nil`.
    static func nameProblem(_ name: String, resource: ServedResource) -> String? {
        if resource == .namespaces {
            return isDNSLabel(name) ? nil
                : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                    + "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
                    + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard name.count <= 253, labels.allSatisfy({ isDNSLabel(String($0)) }) else {
            return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
                + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        }
        return nil
    }

    private static func isDNSLabel(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 63, let first = text.first, let last = text.last,
              first != "-", last != "-" else { return false }
        return text.allSatisfy { character in
            guard let ascii = character.asciiValue else { return false }
            return (97...122).contains(ascii) || (48...57).contains(ascii) || ascii == 45
        }
    }
}
