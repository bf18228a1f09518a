/// One input event from the terminal, before the keymap gives it meaning.
enum TerminalKey: Equatable, Sendable {
    /// A printable character (or control character such as tab and escape).
    case character(Character)
    /// A function key by its curses code (`KEY_UP`, …).
    case function(Int32)
    /// The terminal was resized.
    case resize
    /// The terminal is gone (its connection hung up, or its descriptor closed): there is
    /// nobody left to draw for, and every further read would fail at once.
    case hangup
}
