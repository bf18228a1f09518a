/// The checks the apiserver makes on an `apiextensions.k8s.io/v1` CustomResourceDefinition
/// that a hand-written manifest is likely to fail: the name is `<plural>.<group>`, the
/// group is a domain, scope, names and versions are there with exactly one storage version,
/// every version has a structural schema (an object at the root, a `type` on every node),
/// and a CRD in a protected group (`*.k8s.io`, `*.kubernetes.io`) carries the approval
/// annotation ``APIApprovalState/annotation``.
///
/// Messages are the apiserver's, so kubectl prints what it would print against a cluster.
enum CustomResourceDefinitionValidation {
    typealias Cause = APIStatusError.Cause

    /// Every problem of `object`; `previous` is the stored object on an update (an approval
    /// state that did not change is never an error, as in the apiserver).
    static func problems(_ object: KubeJSON, previous: KubeJSON? = nil) -> [Cause] {
        var causes: [Cause] = []
        let name = object.string(at: "metadata.name") ?? ""
        let group = object.string(at: "spec.group") ?? ""
        let plural = object.string(at: "spec.names.plural") ?? ""
        if !name.isEmpty, name != "\(plural).\(group)" {
            causes.append(invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"))
        }
        if group.isEmpty {
            causes.append(required("spec.group"))
        } else if !group.contains(".") {
            causes.append(invalid("spec.group", group, "should be a domain with at least one dot"))
        }
        switch object.string(at: "spec.scope") {
        case "Namespaced", "Cluster":
            break
        case nil, "":
            causes.append(required("spec.scope"))
        case let scope?:
            causes.append(.init(
                reason: "FieldValueNotSupported",
                message: "Unsupported value: \"\(scope)\": supported values: \"Cluster\", \"Namespaced\"",
                field: "spec.scope"))
        }
        if plural.isEmpty { causes.append(required("spec.names.plural")) }
        if object.string(at: "spec.names.kind")?.isEmpty ?? true { causes.append(required("spec.names.kind")) }
        causes += versionProblems(object.value(at: "spec.versions")?.arrayValue ?? [])
        causes += approvalProblems(object, previous: previous, group: group)
        return causes
    }

    /// The approval annotation's problem, if any.
    static func approvalProblems(_ object: KubeJSON, previous: KubeJSON?, group: String) -> [Cause] {
        guard APIApprovalState.isProtected(group: group) else { return [] }
        let value = object.value(at: ["metadata", "annotations", APIApprovalState.annotation])?.stringValue
        let state = APIApprovalState(value)
        if let previous {
            let old = APIApprovalState(previous.value(at: ["metadata", "annotations", APIApprovalState.annotation])?.stringValue)
            if old == state { return [] }
        }
        guard let problem = state.problem else { return [] }
        let field = "metadata.annotations[\(APIApprovalState.annotation)]"
        if state == .missing { return [required(field, problem)] }
        return [invalid(field, value ?? "", problem)]
    }

    private static func versionProblems(_ versions: [KubeJSON]) -> [Cause] {
        guard !versions.isEmpty else { return [required("spec.versions", "must have at least one version")] }
        var causes: [Cause] = []
        let storage = versions.filter { $0["storage"]?.boolValue == true }.count
        if storage != 1 {
            causes.append(.init(
                reason: "FieldValueInvalid", message: "Invalid value: \(storage): must have exactly one version marked as storage version",
                field: "spec.versions"))
        }
        for (index, version) in versions.enumerated() {
            let path = "spec.versions[\(index)]"
            if version["name"]?.stringValue?.isEmpty ?? true { causes.append(required("\(path).name")) }
            if version["served"]?.boolValue == nil { causes.append(required("\(path).served")) }
            if version["storage"]?.boolValue == nil { causes.append(required("\(path).storage")) }
            guard let schema = version["schema"]?["openAPIV3Schema"] else {
                causes.append(required("\(path).schema.openAPIV3Schema", "schemas are required"))
                continue
            }
            let schemaPath = "\(path).schema.openAPIV3Schema"
            if let type = schema["type"]?.stringValue, type != "object" {
                causes.append(invalid("\(schemaPath).type", type, "must be object at the root"))
            }
            causes += structuralProblems(schema, path: schemaPath)
        }
        return causes
    }

    /// A structural schema names a `type` on every node, unless the node is
    /// `x-kubernetes-int-or-string` or `x-kubernetes-preserve-unknown-fields`.
    private static func structuralProblems(_ schema: KubeJSON, path: String) -> [Cause] {
        var causes: [Cause] = []
        let exempt = schema["x-kubernetes-int-or-string"]?.boolValue == true
            || schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true
        if schema["type"]?.stringValue?.isEmpty ?? true, !exempt {
            causes.append(required("\(path).type", "must not be empty for specified object fields"))
        }
        if let properties = schema["properties"]?.objectValue {
            for (key, child) in properties {
                causes += structuralProblems(child, path: "\(path).properties[\(key)]")
            }
        }
        if let items = schema["items"], items.objectValue != nil {
            causes += structuralProblems(items, path: "\(path).items")
        }
        if let additional = schema["additionalProperties"], additional.objectValue != nil {
            causes += structuralProblems(additional, path: "\(path).additionalProperties")
        }
        return causes
    }

    private static func required(_ field: String, _ detail: String? = nil) -> Cause {
        .init(reason: "FieldValueRequired", message: "Required value" + (detail.map { ": \($0)" } ?? ""), field: field)
    }

    private static func invalid(_ field: String, _ value: String, _ detail: String) -> Cause {
        .init(reason: "FieldValueInvalid", message: "Invalid value: \"\(value)\": \(detail)", field: field)
    }
}
