extension KubeJSON {
    /// A JSON object that remembers the order of its keys.
    ///
    /// Setting an existing key replaces its value in place, setting a new key appends it,
    /// setting `nil` removes it.
    public struct Object: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
        private var order: [String] = []
        private var values: [String: KubeJSON] = [:]

        /// An empty object.
        public init() {}

        /// An object from key/value pairs in order; a later duplicate key replaces an earlier one.
        public init(_ pairs: [(String, KubeJSON)]) {
            for (key, value) in pairs { self[key] = value }
        }

        /// An object from a literal, keys in the literal's order.
        public init(dictionaryLiteral elements: (String, KubeJSON)...) {
            self.init(elements)
        }

        /// The keys in order.
        public var keys: [String] { order }

        /// The number of keys.
        public var count: Int { order.count }

        /// Whether the object has no keys.
        public var isEmpty: Bool { order.isEmpty }

        /// The value of `key`; assigning `nil` removes the key.
        public subscript(key: String) -> KubeJSON? {
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
        public func makeIterator() -> IndexingIterator<[(key: String, value: KubeJSON)]> {
            order.map { (key: $0, value: values[$0]!) }.makeIterator()
        }

        public static func == (lhs: Object, rhs: Object) -> Bool {
            lhs.values == rhs.values
        }
    }
}
