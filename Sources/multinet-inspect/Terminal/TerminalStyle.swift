/// How one screen role looks on this terminal: colour indices (`-1` is the terminal's
/// default) and attributes. Built from the resolved theme; curses turns it into a pair.
struct TerminalStyle: Hashable, Sendable {
    var foreground: Int = -1
    var background: Int = -1
    var bold = false
    var underline = false
    var reverse = false
    var dim = false
}
