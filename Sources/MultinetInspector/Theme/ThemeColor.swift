/// A colour as a theme file writes it: the terminal's default, one of the 16 named
/// colours, a 256-colour index, or `#rrggbb`.
public enum ThemeColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// A palette index: 0–7 the basic colours, 8–15 their bright variants, 16–255 the
    /// xterm cube and grey ramp.
    case indexed(Int)
    /// A 24-bit colour, shown as the nearest palette colour.
    case rgb(red: Int, green: Int, blue: Int)

    /// The names of colours 0–15.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                               "brightblack", "brightred", "brightgreen", "brightyellow", "brightblue",
                               "brightmagenta", "brightcyan", "brightwhite"]

    /// Parses `default`, a name (`red`, `brightblue`, also `bright-blue`, `bright_blue`,
    /// `gray`/`grey` for bright black), `#rrggbb` or `#rgb`, or an index 0–255.
    public init?(parsing text: String) {
        let lower = text.lowercased().filter { $0 != "-" && $0 != "_" }
        if let index = Int(text) {
            guard (0...255).contains(index) else { return nil }
            self = .indexed(index)
        } else if lower == "default" || lower == "none" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: lower) {
            self = .indexed(index)
        } else if lower == "gray" || lower == "grey" {
            self = .indexed(8)
        } else if lower.hasPrefix("#") {
            let hex = Array(lower.dropFirst())
            let digits = hex.count == 3 ? hex.flatMap { [$0, $0] } : hex
            guard digits.count == 6, let value = Int(String(digits), radix: 16) else { return nil }
            self = .rgb(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF)
        } else {
            return nil
        }
    }
}
