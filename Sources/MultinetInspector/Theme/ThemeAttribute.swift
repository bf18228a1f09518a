/// A text attribute a theme can ask for.
public enum ThemeAttribute: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Bold.
    case bold
    /// Underlined.
    case underline
    /// Foreground and background swapped.
    case reverse
    /// Dimmed.
    case dim
    /// The terminal's best highlighting.
    case standout

    /// Declaration order, so sets print stably.
    public static func < (lhs: ThemeAttribute, rhs: ThemeAttribute) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
