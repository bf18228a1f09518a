extension LabelSelector {
    /// Parses a `labelSelector` value; an empty string selects everything.
    ///
    /// - Throws: ``APIStatusError`` 400 `BadRequest` with the apiserver's wording.
    static func parse(_ text: String) throws -> LabelSelector {
        var requirements: [Requirement] = []
        for part in splitTopLevel(text) {
            let trimmed = part.trimmingSpaces
            if trimmed.isEmpty {
                if text.trimmingSpaces.isEmpty { continue }
                throw APIStatusError.badRequest("unable to parse requirement: found '', expected: identifier")
            }
            requirements.append(try parseRequirement(trimmed))
        }
        return LabelSelector(requirements: requirements)
    }

    /// Splits on commas that are not inside parentheses.
    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1; current.append(character)
            case ")": depth -= 1; current.append(character)
            case "," where depth == 0: parts.append(current); current = ""
            default: current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func parseRequirement(_ text: String) throws -> Requirement {
        if text.hasPrefix("!") {
            return .doesNotExist(try validKey(String(text.dropFirst()).trimmingSpaces))
        }
        for (op, make) in [
            ("==", Requirement.equals), ("!=", Requirement.notEquals), ("=", Requirement.equals),
        ] as [(String, (String, String) -> Requirement)] {
            if let range = text.firstRange(of: op) {
                let key = try validKey(String(text[..<range.lowerBound]).trimmingSpaces)
                let value = String(text[range.upperBound...]).trimmingSpaces
                try validateValue(value)
                return make(key, value)
            }
        }
        for (op, make) in [(">", Requirement.greaterThan), ("<", Requirement.lessThan)]
            as [(String, (String, Int) -> Requirement)] {
            if let range = text.firstRange(of: op) {
                let key = try validKey(String(text[..<range.lowerBound]).trimmingSpaces)
                let valueText = String(text[range.upperBound...]).trimmingSpaces
                guard let value = Int(valueText) else {
                    throw APIStatusError.badRequest(
                        "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer")
                }
                return make(key, value)
            }
        }
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2 {
            let rest = words[1].trimmingSpaces
            for (keyword, isIn) in [("notin", false), ("in", true)] where rest.hasPrefix(keyword) {
                let list = rest.dropFirst(keyword.count).trimmingSpaces
                guard list.hasPrefix("("), list.hasSuffix(")") else {
                    throw APIStatusError.badRequest("unable to parse requirement: found '\(list)', expected: '('")
                }
                let values = list.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
                    .map { String($0).trimmingSpaces }
                for value in values { try validateValue(value) }
                let key = try validKey(words[0])
                return isIn ? .in(key, Set(values)) : .notIn(key, Set(values))
            }
            throw APIStatusError.badRequest("unable to parse requirement: found '\(rest)', expected: in, notin, =, ==, !=, gt, lt")
        }
        return .exists(try validKey(text))
    }

    /// A label key: an optional DNS subdomain prefix and `/`, then a name of at most 63
    /// alphanumerics, `-`, `_` and `.`, beginning and ending with an alphanumeric.
    private static func validKey(_ key: String) throws -> String {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        let name = String(parts.last ?? "")
        guard parts.count <= 2, isQualifiedName(name), parts.count == 1 || !parts[0].isEmpty else {
            throw APIStatusError.badRequest(
                "unable to parse requirement: invalid label key \"\(key)\": name part must consist of alphanumeric "
                    + "characters, '-', '_' or '.', and must start and end with an alphanumeric character")
        }
        return key
    }

    private static func validateValue(_ value: String) throws {
        guard value.isEmpty || isQualifiedName(value) else {
            throw APIStatusError.badRequest(
                "unable to parse requirement: invalid label value: \"\(value)\": a valid label must be an empty string "
                    + "or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character")
        }
    }

    private static func isQualifiedName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 63, let first = name.first, let last = name.last,
              first.isASCIIAlphanumeric, last.isASCIIAlphanumeric else { return false }
        return name.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" || $0 == "." }
    }
}

extension Character {
    /// Whether this is an ASCII letter or digit.
    var isASCIIAlphanumeric: Bool {
        guard let ascii = asciiValue else { return false }
        return (48...57).contains(ascii) || (65...90).contains(ascii) || (97...122).contains(ascii)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
