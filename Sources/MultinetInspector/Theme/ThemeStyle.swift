/// How one ``StyleRole`` looks: foreground, background, attributes.
public struct ThemeStyle: Sendable, Hashable {
    /// The foreground.
    public var fg: ThemeColor
    /// The background.
    public var bg: ThemeColor
    /// The attributes.
    public var attrs: Set<ThemeAttribute>

    /// A style; colours default to the terminal's.
    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault, attrs: Set<ThemeAttribute> = []) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }
}
