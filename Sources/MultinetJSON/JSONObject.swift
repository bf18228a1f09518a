/// A JSON object that remembers the order of its keys.
///
/// Setting an existing key replaces its value in place; setting a new key appends it;
/// setting `nil` removes it. Two objects are equal when they hold the same keys with
/// equal values, whatever the order.
public struct JSONObject: Sendable, Equatable, Sequence {
    private var order: [String] = []
    private var values: [String: JSONValue] = [:]

    /// An empty object.
    public init() {}

    /// An object from key/value pairs in order; a later duplicate key replaces an earlier one.
    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys in order.
    public var keys: [String] { order }

    /// The number of keys.
    public var count: Int { order.count }

    /// Whether the object has no keys.
    public var isEmpty: Bool { order.isEmpty }

    /// The value of `key`; assigning `nil` removes the key.
    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { order.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                order.removeAll { $0 == key }
            }
        }
    }

    /// Iterates key/value pairs in order.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        var index = 0
        let order = self.order
        let values = self.values
        return AnyIterator {
            guard index < order.count else { return nil }
            defer { index += 1 }
            let key = order[index]
            return (key, values[key]!)
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.values == rhs.values
    }
}
