/// A compiled terminfo entry built into the inspector, for hosts whose terminfo database
/// has no entry for `TERM` (a busybox image, a minimal node, a new terminal's own name):
/// curses then runs on `xterm-256color`, or `vt100` for dumb-ish terminals, instead of the
/// inspector refusing to start. The bytes are Debian's compiled entries
/// (`scripts/generate-terminfo` regenerates them).
public struct BuiltInTerminfo: Sendable, Equatable {
    /// The terminal name curses is asked for (`newterm`'s type), also the entry's file name.
    public let name: String
    /// The compiled entry, as `tic` writes it.
    public let bytes: [UInt8]

    /// A colour terminal of the xterm family: what nearly every terminal emulator speaks.
    public static let xterm256color = BuiltInTerminfo(name: "xterm-256color", bytes: xterm256colorBytes)
    /// The common denominator of all of them: cursor addressing, no colour.
    public static let vt100 = BuiltInTerminfo(name: "vt100", bytes: vt100Bytes)

    /// Where the entry lies below a terminfo directory: `x/xterm-256color` (the
    /// first-letter layout ncurses reads on Linux).
    public var relativePath: String {
        "\(name.prefix(1))/\(name)"
    }

    /// The entry to fall back to for `TERM` (`nil` when unset): `vt100` for a terminal that
    /// says it is dumb, unknown or of the DEC VT or ANSI console families (no colour
    /// assumed), `xterm-256color` for every other name (emulators that name themselves,
    /// such as `xterm-kitty` or `alacritty`, emulate xterm).
    public static func fallback(forTerm term: String?) -> BuiltInTerminfo {
        let name = (term ?? "").lowercased()
        if name.isEmpty || ["dumb", "unknown", "network", "dialup"].contains(name) { return .vt100 }
        for prefix in ["vt", "ansi"] where name.hasPrefix(prefix) { return .vt100 }
        return .xterm256color
    }
}
