/// Why a document is not the JSON multinet accepts.
public enum JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A byte that cannot start or continue a value here.
    case unexpected(what: String, offset: Int)
    /// The document ended inside a value.
    case unexpectedEnd
    /// Text follows the document's single value.
    case trailingData(offset: Int)
    /// An object names the same key twice; which value a plugin would see is undefined.
    case duplicateKey(String, offset: Int)
    /// Strings must be UTF-8.
    case invalidUTF8(offset: Int)
    /// A `\u` escape or other escape sequence is malformed.
    case invalidEscape(offset: Int)
    /// A number does not follow the JSON grammar.
    case invalidNumber(offset: Int)
    /// Arrays and objects nest deeper than the limit.
    case tooDeep(limit: Int)

    public var description: String {
        switch self {
        case .unexpected(let what, let offset): "unexpected \(what) at byte \(offset)"
        case .unexpectedEnd: "unexpected end of input"
        case .trailingData(let offset): "unexpected data after the JSON value at byte \(offset)"
        case .duplicateKey(let key, let offset): "duplicate key \"\(key)\" at byte \(offset)"
        case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset)"
        case .invalidEscape(let offset): "invalid escape sequence at byte \(offset)"
        case .invalidNumber(let offset): "invalid number at byte \(offset)"
        case .tooDeep(let limit): "nested deeper than \(limit) levels"
        }
    }
}
