/// Why an object from the apiserver does not have the shape its type expects.
public enum KubeDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is not JSON.
    case invalidJSON(reason: String)
    /// A field holds the wrong kind of value (`field` is a dotted path such as `metadata.labels.app`).
    case wrongType(field: String, expected: String, found: String)
    /// A required field is absent.
    case missing(field: String)
    /// The object is of another kind than requested (`kind` is what the server sent).
    case unexpectedKind(expected: String, found: String)

    /// The field at fault and what was wrong with it.
    public var description: String {
        switch self {
        case .invalidJSON(let reason): "the response is not valid JSON: \(reason)"
        case .wrongType(let field, let expected, let found): "\(field): expected \(expected), found \(found)"
        case .missing(let field): "\(field) is missing"
        case .unexpectedKind(let expected, let found): "expected a \(expected), got a \(found)"
        }
    }
}
