/// A key press as the terminal backend decodes it.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case char(Character)
    /// Return / Enter.
    case enter
    /// Escape.
    case escape
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Backspace (or Delete sent as backspace).
    case backspace
    /// The terminal was resized (curses' `KEY_RESIZE`); the backend also sends
    /// ``InspectorAction/resize(width:height:)``.
    case resize
}
