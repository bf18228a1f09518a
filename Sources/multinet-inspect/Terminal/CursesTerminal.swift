import CNCursesw
import Glibc
import MultinetInspector

/// The thin curses backend: owns the terminal between `start()` and `stop()`, copies a
/// screen buffer to it, and reads keys. Touch it from the main thread only.
final class CursesTerminal {
    /// Why the terminal could not be used.
    enum Failure: Error, CustomStringConvertible {
        /// Neither the terminfo database's entry for `TERM` nor the built-in fallback
        /// entry could be used (the reason why not, when there is one).
        case unknownTerminal(String, fallback: String, reason: String?)

        var description: String {
            switch self {
            case .unknownTerminal(let term, let fallback, let reason):
                "the terminal type \"\(term)\" is unknown to curses and its built-in \(fallback) description could not be used"
                    + (reason.map { " (\($0))" } ?? "")
                    + "; try `multinet-inspect --once`, or set TERM (e.g. xterm-256color)"
            }
        }
    }

    private var screen: OpaquePointer?
    private var pairs: [TerminalStyle: Int16] = [:]
    /// Whether the locale's codeset is UTF-8 (else draw ASCII only).
    private(set) var isUTF8 = true
    /// How many colours the terminal has (0 without colour).
    private(set) var colorCount = 0

    /// Takes over the terminal: locale, `newterm` (on the built-in entry for `TERM` when
    /// the host's terminfo database has none), raw-ish input, a short Esc delay, no cursor.
    func start(environment: [String: String]) throws {
        isUTF8 = mn_setlocale_is_utf8() != 0
        if let screen = mn_newterm(nil) {
            self.screen = screen
        } else if let screen = try newtermOnBuiltInEntry(environment: environment) {
            self.screen = screen
        } else {
            throw Failure.unknownTerminal(environment["TERM"] ?? "", fallback: BuiltInTerminfo.fallback(forTerm: environment["TERM"]).name, reason: nil)
        }
        _ = cbreak()
        _ = noecho()
        _ = keypad(mn_stdscr(), true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        if has_colors() {
            _ = start_color()
            _ = use_default_colors()
            colorCount = Int(mn_colors())
        }
    }

    /// `newterm` on the built-in entry for `TERM`, read from a private directory that is
    /// gone again when this returns.
    private func newtermOnBuiltInEntry(environment: [String: String]) throws -> OpaquePointer? {
        let entry = BuiltInTerminfo.fallback(forTerm: environment["TERM"])
        do {
            return try PrivateTerminfoDirectory.with(entry, base: PrivateTerminfoDirectory.base(environment: environment)) { _ in
                mn_newterm(entry.name)
            }
        } catch {
            throw Failure.unknownTerminal(environment["TERM"] ?? "", fallback: entry.name, reason: error.description)
        }
    }

    /// Gives the terminal back.
    func stop() {
        guard let screen else { return }
        _ = endwin()
        delscreen(screen)
        self.screen = nil
    }

    /// The terminal's size in columns and rows.
    var size: (width: Int, height: Int) {
        (Int(mn_cols()), Int(mn_lines()))
    }

    /// Copies a screen buffer to the terminal, styling each cell by its role.
    func draw(_ buffer: ScreenBuffer, styles: [StyleRole: TerminalStyle]) {
        for row in 0..<buffer.height {
            for column in 0..<buffer.width {
                guard let cell = buffer[row, column], !cell.text.isEmpty else { continue }  // right half of a wide character
                let look = styles[cell.style] ?? TerminalStyle()
                var wide = Array(cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) })
                wide.append(0)
                _ = mn_put(Int32(row), Int32(column), wide, attributes(look), pair(for: look))
            }
        }
        _ = refresh()
    }

    /// Waits up to `milliseconds` for a key; `nil` on timeout, ``TerminalKey/hangup`` when
    /// the terminal is gone.
    func readKey(timeoutMilliseconds milliseconds: Int32) -> TerminalKey? {
        timeout(milliseconds)
        var code: Int32 = 0
        let kind = mn_get_key(&code)
        if kind == mn_key_code_yes() {
            return code == mn_key_resize() ? .resize : .function(code)
        }
        guard kind == OK else { return Self.inputHungUp() ? .hangup : nil }
        guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)) else { return nil }
        return .character(Character(scalar))
    }

    /// Whether the terminal's input (standard input, which `newterm` reads) hung up or was
    /// closed. curses answers a read on a hung-up terminal with the same `ERR` as a timeout,
    /// at once, so without this check the view would spin on a dead terminal for ever (an
    /// ssh connection dropped without SIGHUP reaching the inspector, a parent that died).
    private static func inputHungUp() -> Bool {
        var input = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) >= 0 else { return errno != EINTR }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func attributes(_ look: TerminalStyle) -> attr_t {
        var attrs = mn_a_normal()
        if look.bold { attrs |= mn_a_bold() }
        if look.underline { attrs |= mn_a_underline() }
        if look.reverse { attrs |= mn_a_reverse() }
        if look.dim { attrs |= mn_a_dim() }
        return attrs
    }

    /// The colour pair for a style, allocated on first use (pair 0 is the default).
    private func pair(for look: TerminalStyle) -> Int16 {
        guard colorCount > 0, look.foreground >= 0 || look.background >= 0 else { return 0 }
        let key = TerminalStyle(foreground: look.foreground, background: look.background)
        if let existing = pairs[key] { return existing }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < mn_color_pairs() else { return 0 }
        _ = init_pair(next, Int16(look.foreground), Int16(look.background))
        pairs[key] = next
        return next
    }
}
