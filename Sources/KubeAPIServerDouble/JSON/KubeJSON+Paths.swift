extension KubeJSON {
    /// The value at a dotted path of object keys (`"metadata.name"`), or `nil` when any step
    /// is missing or not an object.
    public func value(at path: String) -> KubeJSON? {
        value(at: path.split(separator: ".").map(String.init))
    }

    /// The value at a path of object keys.
    public func value(at path: [String]) -> KubeJSON? {
        var current = self
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// Sets the value at a path of object keys, creating intermediate objects (and replacing
    /// non-objects on the way); `nil` removes the last key.
    public mutating func setValue(_ newValue: KubeJSON?, at path: [String]) {
        guard let first = path.first else {
            if let newValue { self = newValue }
            return
        }
        var object = objectValue ?? Object()
        if path.count == 1 {
            object[first] = newValue
        } else {
            var child = object[first] ?? .object(Object())
            if child.objectValue == nil { child = .object(Object()) }
            child.setValue(newValue, at: Array(path.dropFirst()))
            object[first] = child
        }
        self = .object(object)
    }

    /// The string at a dotted path, or `nil`.
    public func string(at path: String) -> String? {
        value(at: path)?.stringValue
    }
}
