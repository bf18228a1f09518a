import Yams

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
    public static func parse(yaml: String, file: String, defaultName: String = "theme") throws(ThemeError) -> Theme {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw ThemeError(file: file, message: "\(error)")
        }
        guard let root else { throw ThemeError(file: file, line: 1, message: "the file is empty") }
        guard let mapping = root.mapping else {
            throw ThemeError(file: file, line: root.mark?.line, message: "expected a mapping with `styles`")
        }
        var name = defaultName
        var styles: [StyleRole: ThemeStyle] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? "?"
            switch key {
            case "name":
                guard let text = value.string else { throw bad(file, "name", value, "expected a string") }
                name = text
            case "description":
                break
            case "styles":
                guard let roles = value.mapping else {
                    throw bad(file, "styles", value, "expected a mapping of style roles")
                }
                for (roleNode, styleNode) in roles {
                    let roleName = roleNode.string ?? "?"
                    guard let role = StyleRole(rawValue: roleName) else {
                        throw bad(file, "styles.\(roleName)", roleNode, "unknown style role; known: "
                            + StyleRole.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    styles[role] = try parseStyle(styleNode, key: "styles.\(roleName)", file: file)
                }
            default:
                throw bad(file, key, keyNode, "unknown key; expected name, description or styles")
            }
        }
        return Theme(name: name, styles: styles)
    }

    static func parseStyle(_ node: Node, key: String, file: String) throws(ThemeError) -> ThemeStyle {
        guard let mapping = node.mapping else { throw bad(file, key, node, "expected a mapping with fg, bg, attrs") }
        var style = ThemeStyle()
        for (fieldNode, value) in mapping {
            let field = fieldNode.string ?? "?"
            let path = "\(key).\(field)"
            switch field {
            case "fg", "bg":
                guard let text = value.scalar?.string, let color = ThemeColor(parsing: text) else {
                    throw bad(file, path, value, "expected a colour: a name (red, brightblue, default), "
                        + "#rrggbb or an index 0-255")
                }
                if field == "fg" { style.fg = color } else { style.bg = color }
            case "attrs":
                let words: [(String, Node)]
                if let sequence = value.sequence {
                    words = sequence.map { ($0.string ?? "?", $0) }
                } else if let text = value.string {
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
                throw bad(file, path, fieldNode, "unknown key; expected fg, bg or attrs")
            }
        }
        return style
    }

    static func bad(_ file: String, _ key: String, _ node: Node, _ message: String) -> ThemeError {
        ThemeError(file: file, key: key, line: node.mark?.line, message: message)
    }

    static func yamlError(_ error: YamlError, file: String) -> ThemeError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ThemeError(file: file, line: mark.line, message: "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ThemeError(file: file, key: duplicates.first, line: context.mark.line,
                              message: "duplicated key")
        default:
            return ThemeError(file: file, message: "invalid YAML: \(error)")
        }
    }
}
