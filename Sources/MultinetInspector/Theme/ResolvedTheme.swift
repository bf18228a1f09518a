/// A theme resolved against a terminal: each role's colours fitted to the colours the
/// terminal has (8, 16 or 256), or dropped entirely under `NO_COLOR` or on a terminal
/// without colours, leaving attributes only. Pure: the backend passes in what it found.
public struct ResolvedTheme: Sendable, Equatable {
    /// Each role's resolved style.
    public var styles: [StyleRole: ResolvedStyle]
    /// The colour count resolved against (0 when colours are off).
    public var colors: Int

    /// Resolves `theme` for a terminal with `colors` colours; `noColor` (the `NO_COLOR`
    /// environment variable is set and not empty) turns colours off.
    public init(_ theme: Theme, colors: Int, noColor: Bool) {
        let count = noColor || colors < 8 ? 0 : (colors >= 256 ? 256 : (colors >= 16 ? 16 : 8))
        self.colors = count
        var styles: [StyleRole: ResolvedStyle] = [:]
        for role in StyleRole.allCases {
            let style = theme.style(role)
            var attrs = style.attrs
            // Without colours the selection and the header still need to stand out.
            if count == 0, role == .selected || role == .header, attrs.isDisjoint(with: [.reverse, .standout]) {
                attrs.insert(.reverse)
            }
            styles[role] = ResolvedStyle(fg: Self.resolve(style.fg, count: count),
                                         bg: Self.resolve(style.bg, count: count), attrs: attrs)
        }
        self.styles = styles
    }

    /// A role's resolved style.
    public func style(_ role: StyleRole) -> ResolvedStyle { styles[role] ?? ResolvedStyle() }

    /// A colour fitted to a palette of `count` colours (`nil`: the terminal's default).
    public static func resolve(_ color: ThemeColor, count: Int) -> Int? {
        guard count > 0 else { return nil }
        switch color {
        case .terminalDefault:
            return nil
        case .indexed(let index):
            if index < count { return index }
            if count == 8, index < 16 { return index - 8 }
            let c = ColorPalette.rgb(index)
            return ColorPalette.nearest(red: c.red, green: c.green, blue: c.blue, count: count)
        case let .rgb(red, green, blue):
            return ColorPalette.nearest(red: red, green: green, blue: blue, count: count)
        }
    }
}
