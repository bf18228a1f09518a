/// The `:` command line's commands (k9s-style): a view, help, or quit.
public enum InspectorCommand: Sendable, Equatable {
    /// Show a view.
    case show(InspectorView)
    /// The key list.
    case help
    /// Leave the inspector.
    case quit

    /// The names completion offers, in the order the status line lists them.
    public static let names = ["nets", "pods", "fail", "drift", "events", "help", "q"]

    /// The command `text` names (leading `:` and spaces ignored; long forms and aliases
    /// accepted), or `nil`.
    public init?(_ text: String) {
        let word = Self.word(text)
        if let view = InspectorView(command: word) {
            self = .show(view)
            return
        }
        switch word {
        case "q", "quit", "q!": self = .quit
        case "help", "h", "?": self = .help
        default: return nil
        }
    }

    /// The names that start with what was typed.
    public static func candidates(_ text: String) -> [String] {
        let word = word(text)
        return names.filter { $0.hasPrefix(word) }
    }

    /// Tab completion: the one candidate in full, else the longest prefix the candidates
    /// share (so nothing typed is lost), else `text` unchanged.
    public static func complete(_ text: String) -> String {
        let found = candidates(text)
        guard let first = found.first else { return text }
        if found.count == 1 { return first }
        var shared = first
        for name in found.dropFirst() {
            while !name.hasPrefix(shared) { shared.removeLast() }
        }
        return shared.count > word(text).count ? shared : text
    }

    /// What was typed, without the leading `:`, surrounding spaces or case.
    static func word(_ text: String) -> String {
        var word = Substring(text)
        while word.first == ":" || word.first == " " { word = word.dropFirst() }
        while word.last == " " { word = word.dropLast() }
        return word.lowercased()
    }
}
