/// One cell of a table: its text, what it means, and what it sorts by.
public struct TableCell: Sendable, Equatable {
    /// The text shown.
    public var text: String
    /// Its style.
    public var role: StyleRole
    /// What it sorts by.
    public var sortValue: SortValue

    /// A cell; sorts by its text unless told otherwise.
    public init(_ text: String, role: StyleRole = .normal, sort: SortValue? = nil) {
        self.text = text
        self.role = role
        self.sortValue = sort ?? .text(text)
    }
}
