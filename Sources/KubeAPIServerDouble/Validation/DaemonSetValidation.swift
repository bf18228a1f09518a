/// The checks the apiserver makes on an `apps/v1` DaemonSet that a manifest is likely to
/// fail: a selector that selects the template's labels, and containers with a name and an
/// image.
enum DaemonSetValidation {
    typealias Cause = APIStatusError.Cause

    /// Every problem of `object`.
    static func problems(_ object: KubeJSON) -> [Cause] {
        var causes: [Cause] = []
        let matchLabels = object.value(at: "spec.selector.matchLabels")?.objectValue ?? KubeJSON.Object()
        let expressions = object.value(at: "spec.selector.matchExpressions")?.arrayValue ?? []
        let labels = object.value(at: "spec.template.metadata.labels")?.objectValue ?? KubeJSON.Object()
        if matchLabels.isEmpty, expressions.isEmpty {
            causes.append(.init(
                reason: "FieldValueInvalid", message: "Invalid value: \"null\": empty selector is invalid for daemonset",
                field: "spec.selector"))
        } else if !matchLabels.allSatisfy({ labels[$0.key] == $0.value }) {
            let rendered = labels.map { "\"\($0.key)\":\($0.value.serialized)" }.joined(separator: ", ")
            causes.append(.init(
                reason: "FieldValueInvalid",
                message: "Invalid value: map[string]string{\(rendered)}: `selector` does not match template `labels`",
                field: "spec.template.metadata.labels"))
        }
        let containers = object.value(at: "spec.template.spec.containers")?.arrayValue ?? []
        if containers.isEmpty {
            causes.append(.init(reason: "FieldValueRequired", message: "Required value", field: "spec.template.spec.containers"))
        }
        for (index, container) in containers.enumerated() {
            for key in ["name", "image"] where container[key]?.stringValue?.isEmpty ?? true {
                causes.append(.init(
                    reason: "FieldValueRequired", message: "Required value",
                    field: "spec.template.spec.containers[\(index)].\(key)"))
            }
        }
        return causes
    }
}
