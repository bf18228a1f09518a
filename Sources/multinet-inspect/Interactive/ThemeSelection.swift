import Foundation
import MultinetInspector

/// Which theme file `--theme` names, and how it looks on this terminal.
enum ThemeSelection {
    /// Where theme names are looked up: beside the repository's build directory (a
    /// `swift build` tree), the working directory, then the system locations.
    static func searchPaths(executable: String = CommandLine.arguments[0]) -> [String] {
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        return [
            binary.appendingPathComponent("../../themes").standardizedFileURL.path,  // .build/<config>/
            binary.appendingPathComponent("../share/multinet/themes").standardizedFileURL.path,
            FileManager.default.currentDirectoryPath + "/themes",
            "/etc/multinet/themes",
            "/usr/share/multinet/themes",
        ]
    }

    /// The terminal styles of each role for `--theme` (default `default`), resolved against
    /// the terminal's colour count; `NO_COLOR` leaves attributes only.
    static func styles(theme name: String?, colors: Int, environment: [String: String]) throws(ThemeError) -> [StyleRole: TerminalStyle] {
        let theme = try Theme.named(name ?? "default", searchPaths: searchPaths())
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let resolved = ResolvedTheme(theme, colors: colors, noColor: noColor)
        var styles: [StyleRole: TerminalStyle] = [:]
        for role in StyleRole.allCases {
            let style = resolved.style(role)
            styles[role] = TerminalStyle(
                foreground: style.fg ?? -1, background: style.bg ?? -1,
                bold: style.attrs.contains(.bold), underline: style.attrs.contains(.underline),
                reverse: style.attrs.contains(.reverse) || style.attrs.contains(.standout), dim: style.attrs.contains(.dim))
        }
        return styles
    }
}
