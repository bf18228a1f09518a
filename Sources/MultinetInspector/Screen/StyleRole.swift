/// What a piece of the screen means; a theme maps each role to colours and attributes.
/// Renderers say what a cell is, never which colour it has.
public enum StyleRole: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Ordinary text.
    case normal
    /// The header bar.
    case header
    /// A view's title and column headings.
    case title
    /// The selected row.
    case selected
    /// Something working: attached, usable, reachable.
    case ok
    /// Something in between or needing attention: adding, deleting, a failed status write.
    case warn
    /// Something broken: a failed ADD or DEL, an unusable network, an unreachable apiserver.
    case failed
    /// Less important text: ages, IDs, hints.
    case dim
    /// Keys in the footer and the help overlay.
    case key
    /// Box drawing and separators.
    case border
    /// The footer bar.
    case footer
    /// Dialogs (confirmation, help, details).
    case dialog
}
