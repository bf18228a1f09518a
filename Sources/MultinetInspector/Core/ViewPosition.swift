/// Where one view's cursor stands.
public struct ViewPosition: Sendable, Equatable {
    /// The index of the selected row among the visible (filtered, sorted) rows.
    public var selected: Int
    /// The index of the first row on screen.
    public var scroll: Int
    /// What the selected row shows, so the selection follows it across refreshes.
    public var selectedID: RowID?

    /// A position.
    public init(selected: Int = 0, scroll: Int = 0, selectedID: RowID? = nil) {
        self.selected = selected
        self.scroll = scroll
        self.selectedID = selectedID
    }
}
