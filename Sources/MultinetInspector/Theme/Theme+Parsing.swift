import MultinetYAML

extension Theme {
    /// Parses a theme document:
    ///
    /// ```yaml
    /// name: default
    /// styles:
    ///   header: { fg: brightwhite, bg: blue, attrs: [bold] }
    /// ```
    ///
    /// `file` names the source in errors; `defaultName` is used when the document has no `name`.
    /// A key repeated in one mapping is an error.
    public static func parse(yaml: String, file: String, defaultName: String = "theme") throws(ThemeError) -> Theme {
        let root: YAMLNode?
        do {
            root = try YAMLNode.parse(Array(yaml.utf8))
        } catch {
            throw ThemeError(file: file, line: error.line, message: "invalid YAML: \(error.problem)")
        }
        guard let root else { throw ThemeError(file: file, line: 1, message: "the file is empty") }
        guard let mapping = root.mappingPairs else {
            throw ThemeError(file: file, line: root.line, message: "expected a mapping with `styles`")
        }
        var name = defaultName
        var styles: [StyleRole: ThemeStyle] = [:]
        for pair in try unique(mapping, key: nil, file: file) {
            let key = pair.key.scalarText ?? "?"
            let value = pair.value
            switch key {
            case "name":
                guard let text = value.scalarText else { throw bad(file, "name", value, "expected a string") }
                name = text
            case "description":
                break
            case "styles":
                guard let roles = value.mappingPairs else {
                    throw bad(file, "styles", value, "expected a mapping of style roles")
                }
                for role in try unique(roles, key: "styles", file: file) {
                    let roleName = role.key.scalarText ?? "?"
                    guard let styleRole = StyleRole(rawValue: roleName) else {
                        throw bad(file, "styles.\(roleName)", role.key, "unknown style role; known: "
                            + StyleRole.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    styles[styleRole] = try parseStyle(role.value, key: "styles.\(roleName)", file: file)
                }
            default:
                throw bad(file, key, pair.key, "unknown key; expected name, description or styles")
            }
        }
        return Theme(name: name, styles: styles)
    }

    static func parseStyle(_ node: YAMLNode, key: String, file: String) throws(ThemeError) -> ThemeStyle {
        guard let mapping = node.mappingPairs else { throw bad(file, key, node, "expected a mapping with fg, bg, attrs") }
        var style = ThemeStyle()
        for pair in try unique(mapping, key: key, file: file) {
            let field = pair.key.scalarText ?? "?"
            let path = "\(key).\(field)"
            let value = pair.value
            switch field {
            case "fg", "bg":
                guard let text = value.scalarText, let color = ThemeColor(parsing: text) else {
                    throw bad(file, path, value, "expected a colour: a name (red, brightblue, default), "
                        + "#rrggbb or an index 0-255")
                }
                if field == "fg" { style.fg = color } else { style.bg = color }
            case "attrs":
                let words: [(String, YAMLNode)]
                if let sequence = value.sequenceElements {
                    words = sequence.map { ($0.scalarText ?? "?", $0) }
                } else if let text = value.scalarText {
                    words = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { (String($0), value) }
                } else {
                    throw bad(file, path, value, "expected a list of attributes")
                }
                for (word, wordNode) in words {
                    guard let attribute = ThemeAttribute(rawValue: word.lowercased()) else {
                        throw bad(file, path, wordNode, "unknown attribute \(word); known: "
                            + ThemeAttribute.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    style.attrs.insert(attribute)
                }
            default:
                throw bad(file, path, pair.key, "unknown key; expected fg, bg or attrs")
            }
        }
        return style
    }

    /// The pairs of a mapping, refusing a key written twice (naming the second).
    static func unique(_ pairs: [YAMLNode.Pair], key: String?, file: String) throws(ThemeError) -> [YAMLNode.Pair] {
        var seen: Set<String> = []
        for pair in pairs {
            let name = pair.key.scalarText ?? "?"
            guard seen.insert(name).inserted else {
                throw bad(file, key.map { "\($0).\(name)" } ?? name, pair.key, "duplicated key")
            }
        }
        return pairs
    }

    static func bad(_ file: String, _ key: String, _ node: YAMLNode, _ message: String) -> ThemeError {
        ThemeError(file: file, key: key, line: node.line, message: message)
    }
}
