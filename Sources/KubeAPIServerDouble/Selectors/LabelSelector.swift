/// A parsed `labelSelector` query parameter: requirements that must all hold.
///
/// Grammar (as `k8s.io/apimachinery/pkg/labels`): comma-separated requirements, each one of
/// `key`, `!key`, `key=value`, `key==value`, `key!=value`, `key in (v1,v2)`,
/// `key notin (v1,v2)`, `key>N`, `key<N`.
struct LabelSelector: Sendable, Equatable {
    /// One requirement on one label key.
    enum Requirement: Sendable, Equatable {
        case exists(String)
        case doesNotExist(String)
        case equals(String, String)
        case notEquals(String, String)
        case `in`(String, Set<String>)
        case notIn(String, Set<String>)
        case greaterThan(String, Int)
        case lessThan(String, Int)
    }

    var requirements: [Requirement]

    /// The selector that matches everything.
    static let everything = LabelSelector(requirements: [])

    /// Whether `labels` satisfy every requirement.
    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .exists(let key): return labels[key] != nil
            case .doesNotExist(let key): return labels[key] == nil
            case .equals(let key, let value): return labels[key] == value
            case .notEquals(let key, let value): return labels[key] != value
            case .in(let key, let values): return labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): return !(labels[key].map(values.contains) ?? false)
            case .greaterThan(let key, let bound): return labels[key].flatMap { Int($0) }.map { $0 > bound } ?? false
            case .lessThan(let key, let bound): return labels[key].flatMap { Int($0) }.map { $0 < bound } ?? false
            }
        }
    }

    /// The labels of a stored object (`metadata.labels`, non-string values ignored).
    static func labels(of object: KubeJSON) -> [String: String] {
        guard let labels = object.value(at: ["metadata", "labels"])?.objectValue else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in labels {
            if let text = value.stringValue { result[key] = text }
        }
        return result
    }
}
