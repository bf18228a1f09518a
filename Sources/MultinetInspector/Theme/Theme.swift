import MultinetSystem

/// A theme: how each ``StyleRole`` looks, before resolution against a terminal.
///
/// Load one with ``load(path:)`` or ``named(_:searchPaths:)``; roles a file leaves out
/// come from ``builtinDefault``. Resolve it with ``ResolvedTheme/init(_:colors:noColor:)``.
public struct Theme: Sendable, Equatable {
    /// The theme's name.
    public var name: String
    /// Every role's style.
    public var styles: [StyleRole: ThemeStyle]

    /// A theme; roles missing from `styles` take the default theme's style.
    public init(name: String, styles: [StyleRole: ThemeStyle]) {
        self.name = name
        self.styles = styles
        for role in StyleRole.allCases where self.styles[role] == nil {
            self.styles[role] = Theme.defaultStyles[role] ?? ThemeStyle()
        }
    }

    /// A role's style.
    public func style(_ role: StyleRole) -> ThemeStyle { styles[role] ?? ThemeStyle() }

    /// The theme used when no file is given or found: the same as `themes/default.yaml`
    /// (a dark background).
    public static let builtinDefault = Theme(name: "default", styles: defaultStyles)

    static let defaultStyles: [StyleRole: ThemeStyle] = [
        .normal: ThemeStyle(),
        .header: ThemeStyle(fg: .indexed(15), bg: .indexed(4), attrs: [.bold]),
        .title: ThemeStyle(fg: .indexed(14), attrs: [.bold]),
        .selected: ThemeStyle(fg: .indexed(0), bg: .indexed(6), attrs: [.bold]),
        .ok: ThemeStyle(fg: .indexed(10)),
        .warn: ThemeStyle(fg: .indexed(11), attrs: [.bold]),
        .failed: ThemeStyle(fg: .indexed(9), attrs: [.bold]),
        .dim: ThemeStyle(fg: .indexed(8)),
        .key: ThemeStyle(fg: .indexed(11), bg: .indexed(0), attrs: [.bold]),
        .border: ThemeStyle(fg: .indexed(6)),
        .footer: ThemeStyle(fg: .indexed(7), bg: .indexed(0)),
        .dialog: ThemeStyle(fg: .indexed(15), bg: .indexed(236)),
    ]

    /// Reads and parses a theme file; errors name the file, the key and the line.
    public static func load(path: String) throws(ThemeError) -> Theme {
        let bytes: [UInt8]
        do throws(FileSystem.Failure) {
            bytes = try FileSystem.read(path, limit: 1 << 20)
        } catch {
            throw ThemeError(file: path, message: error.isNotFound ? "no such theme file" : error.description)
        }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let name = base.hasSuffix(".yaml") ? String(base.dropLast(5)) : base
        return try parse(yaml: String(decoding: bytes, as: UTF8.self), file: path, defaultName: name)
    }

    /// The theme `nameOrPath`: a value containing `/` is a path; a name is looked up as
    /// `<dir>/<name>.yaml` in `searchPaths`, in order; `default` is built in when no file
    /// is found.
    public static func named(_ nameOrPath: String, searchPaths: [String]) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") { return try load(path: nameOrPath) }
        for directory in searchPaths {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + nameOrPath + ".yaml"
            do throws(ThemeError) {
                return try load(path: path)
            } catch where error.message == "no such theme file" {
                continue
            }
        }
        if nameOrPath == "default" { return builtinDefault }
        throw ThemeError(file: nameOrPath, message: "no theme called \(nameOrPath) in "
            + (searchPaths.isEmpty ? "(no directories)" : searchPaths.joined(separator: ", ")))
    }
}
