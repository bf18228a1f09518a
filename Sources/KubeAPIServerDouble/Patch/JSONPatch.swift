/// JSON patch (RFC 6902), the `application/json-patch+json` PATCH type.
enum JSONPatch {
    /// Applies the operations in `patch` (a JSON array) to `target` in order.
    ///
    /// - Throws: ``APIStatusError`` 400 for a malformed patch, 422 when an operation does
    ///   not apply (a missing path, a failed `test`).
    static func apply(_ patch: KubeJSON, to target: KubeJSON) throws -> KubeJSON {
        guard let operations = patch.arrayValue else {
            throw APIStatusError.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
        }
        var document = target
        for operation in operations {
            guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else {
                throw APIStatusError.badRequest("invalid JSON patch operation: \(operation.serialized)")
            }
            let pointer = try parsePointer(path)
            switch op {
            case "add":
                document = try insert(try required(operation, "value"), at: pointer, in: document, replacing: false)
            case "replace":
                _ = try get(pointer, in: document)
                document = try insert(try required(operation, "value"), at: pointer, in: document, replacing: true)
            case "remove":
                document = try remove(pointer, from: document)
            case "move", "copy":
                guard let fromPath = operation["from"]?.stringValue else {
                    throw APIStatusError.badRequest("invalid JSON patch operation: \(op) needs \"from\"")
                }
                let from = try parsePointer(fromPath)
                let value = try get(from, in: document)
                if op == "move" { document = try remove(from, from: document) }
                document = try insert(value, at: pointer, in: document, replacing: false)
            case "test":
                guard try get(pointer, in: document) == (try required(operation, "value")) else {
                    throw unprocessable("testing value \(path) failed: test failed")
                }
            default:
                throw APIStatusError.badRequest("Unexpected kind: \(op)")
            }
        }
        return document
    }

    private static func required(_ operation: KubeJSON, _ key: String) throws -> KubeJSON {
        guard let value = operation[key] else {
            throw APIStatusError.badRequest("invalid JSON patch operation: missing \"\(key)\"")
        }
        return value
    }

    private static func unprocessable(_ message: String) -> APIStatusError {
        APIStatusError(code: 422, reason: "Invalid", message: message)
    }

    /// Splits an RFC 6901 pointer into unescaped reference tokens.
    static func parsePointer(_ pointer: String) throws -> [String] {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else {
            throw APIStatusError.badRequest("JSON pointer must be empty or start with a \"/\": \(pointer)")
        }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { token in
            String(token).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }

    private static func get(_ pointer: [String], in document: KubeJSON) throws -> KubeJSON {
        var current = document
        for token in pointer {
            switch current {
            case .object(let object):
                guard let next = object[token] else { throw unprocessable("doc is missing path: /\(pointer.joined(separator: "/"))") }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else {
                    throw unprocessable("doc is missing path: /\(pointer.joined(separator: "/"))")
                }
                current = elements[index]
            default:
                throw unprocessable("doc is missing path: /\(pointer.joined(separator: "/"))")
            }
        }
        return current
    }

    private static func insert(
        _ value: KubeJSON, at pointer: [String], in document: KubeJSON, replacing: Bool
    ) throws -> KubeJSON {
        guard let token = pointer.first else { return value }
        let rest = Array(pointer.dropFirst())
        switch document {
        case .object(var object):
            if rest.isEmpty {
                object[token] = value
            } else {
                guard let child = object[token] else { throw unprocessable("doc is missing path: \(token)") }
                object[token] = try insert(value, at: rest, in: child, replacing: replacing)
            }
            return .object(object)
        case .array(var elements):
            if rest.isEmpty {
                if token == "-" && !replacing {
                    elements.append(value)
                } else if let index = Int(token), index >= 0,
                          replacing ? index < elements.count : index <= elements.count {
                    if replacing { elements[index] = value } else { elements.insert(value, at: index) }
                } else {
                    throw unprocessable("index out of range: \(token)")
                }
            } else {
                guard let index = Int(token), elements.indices.contains(index) else {
                    throw unprocessable("index out of range: \(token)")
                }
                elements[index] = try insert(value, at: rest, in: elements[index], replacing: replacing)
            }
            return .array(elements)
        default:
            throw unprocessable("doc is missing path: \(token)")
        }
    }

    private static func remove(_ pointer: [String], from document: KubeJSON) throws -> KubeJSON {
        guard let token = pointer.first else { throw unprocessable("cannot remove the whole document") }
        let rest = Array(pointer.dropFirst())
        switch document {
        case .object(var object):
            guard let child = object[token] else { throw unprocessable("unable to remove nonexistent key: \(token): missing value") }
            object[token] = rest.isEmpty ? nil : try remove(rest, from: child)
            return .object(object)
        case .array(var elements):
            guard let index = Int(token), elements.indices.contains(index) else {
                throw unprocessable("index out of range: \(token)")
            }
            if rest.isEmpty { elements.remove(at: index) } else { elements[index] = try remove(rest, from: elements[index]) }
            return .array(elements)
        default:
            throw unprocessable("doc is missing path: \(token)")
        }
    }
}
