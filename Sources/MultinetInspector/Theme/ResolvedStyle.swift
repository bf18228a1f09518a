/// A style as a terminal can show it: palette indices (`nil` is the terminal's default
/// colour) and attributes.
public struct ResolvedStyle: Sendable, Hashable {
    /// The foreground's palette index, or `nil` for the default.
    public var fg: Int?
    /// The background's palette index, or `nil` for the default.
    public var bg: Int?
    /// The attributes.
    public var attrs: Set<ThemeAttribute>

    /// A resolved style.
    public init(fg: Int? = nil, bg: Int? = nil, attrs: Set<ThemeAttribute> = []) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }
}
