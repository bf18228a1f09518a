/// A JSON value as the apiserver double stores and serves it.
///
/// Objects keep the order of their keys (so served objects read like the ones that were
/// sent), numbers keep their exact text (so `1.0` and `10000000000000000000` survive a round
/// trip unchanged). Two objects are equal when they hold the same keys with equal values,
/// whatever the order.
public enum KubeJSON: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its JSON text (for example `"42"` or `"1.5e3"`).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([KubeJSON])
    /// An object whose keys keep their order.
    case object(Object)

    /// A number from an integer.
    public static func integer(_ value: Int) -> KubeJSON { .number(String(value)) }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object, when this is an object.
    public var objectValue: Object? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [KubeJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The integer, when this is a number with an integral value.
    public var intValue: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    /// The boolean, when this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The member `key` when this is an object, `nil` otherwise.
    public subscript(key: String) -> KubeJSON? {
        objectValue?[key]
    }
}
