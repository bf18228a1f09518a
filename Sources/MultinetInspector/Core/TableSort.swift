/// How one view's table is sorted: by which column, in which direction.
public struct TableSort: Sendable, Equatable {
    /// The index of the column in the view's ``InspectorTables/columns(for:)``, or
    /// ``snapshotOrder``.
    public var column: Int

    /// No column: rows stay in the order the snapshot gives them (`s` then sorts by the first column).
    public static let snapshotOrder = -1
    /// Whether the order is reversed.
    public var descending: Bool

    /// A sort order.
    public init(column: Int = 0, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}
