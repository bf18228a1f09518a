/// A parsed `fieldSelector` query parameter: `field=value`, `field==value` and
/// `field!=value` terms, comma-separated, all of which must hold.
struct FieldSelector: Sendable, Equatable {
    /// One term.
    struct Term: Sendable, Equatable {
        var field: String
        var value: String
        var negated: Bool
    }

    var terms: [Term]

    /// The selector that matches everything.
    static let everything = FieldSelector(terms: [])

    /// Parses a `fieldSelector` value and checks every field is selectable on `resource`.
    ///
    /// - Throws: ``APIStatusError`` 400 `BadRequest` for bad syntax or
    ///   `field label not supported: FIELD`.
    static func parse(_ text: String, for resource: ServedResource) throws -> FieldSelector {
        var terms: [Term] = []
        for part in splitUnescaped(text, on: ",") where !part.trimmingSpaces.isEmpty {
            let term = try parseTerm(part)
            guard resource.selectableFields.contains(term.field) else {
                throw APIStatusError.badRequest("field label not supported: \(term.field)")
            }
            terms.append(term)
        }
        return FieldSelector(terms: terms)
    }

    /// Whether `object` satisfies every term; a missing field reads as the empty string.
    func matches(_ object: KubeJSON) -> Bool {
        terms.allSatisfy { term in
            let actual = Self.fieldValue(term.field, of: object)
            return (actual == term.value) != term.negated
        }
    }

    /// The value a field selector compares against: strings as they are, booleans and
    /// numbers as their text, anything missing as `""`.
    static func fieldValue(_ field: String, of object: KubeJSON) -> String {
        switch object.value(at: field) {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        default: return ""
        }
    }

    private static func parseTerm(_ text: String) throws -> Term {
        for (op, negated) in [("!=", true), ("==", false), ("=", false)] {
            if let range = firstUnescaped(op, in: text) {
                let field = String(text[..<range.lowerBound]).trimmingSpaces
                let value = unescape(String(text[range.upperBound...]))
                guard !field.isEmpty else { break }
                return Term(field: field, value: value, negated: negated)
            }
        }
        throw APIStatusError.badRequest("invalid selector: '\(text)'; can't understand '\(text)'")
    }

    /// Splits on `separator` where it is not escaped with a backslash.
    private static func splitUnescaped(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                current.append(character)
                escaping = true
            } else if character == separator {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func firstUnescaped(_ op: String, in text: String) -> Range<String.Index>? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if text[index...].hasPrefix(op) {
                return index..<text.index(index, offsetBy: op.count)
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
