import CNCursesw
import MultinetInspector

/// Terminal input → the keymap's keys.
enum KeyTranslation {
    /// The inspector key for a terminal event; `nil` for keys the inspector ignores.
    static func key(_ input: TerminalKey) -> Key? {
        switch input {
        case .resize:
            return .resize
        case .hangup:
            return nil
        case .character(let character):
            switch character {
            case "\t": return .tab
            case "\n", "\r": return .enter
            case "\u{1B}": return .escape
            case "\u{7F}", "\u{08}": return .backspace
            default: return character.isASCII && character.asciiValue! < 0x20 ? nil : .char(character)
            }
        case .function(let code):
            switch code {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_BACKSPACE: return .backspace
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            default: return nil
            }
        }
    }
}
