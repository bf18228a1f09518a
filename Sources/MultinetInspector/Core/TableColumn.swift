/// One column of a view's table and how it gives way on a narrow terminal.
public struct TableColumn: Sendable, Equatable {
    /// The heading.
    public var title: String
    /// Narrower than this, the column is dropped rather than squeezed.
    public var minWidth: Int
    /// Wider content is truncated.
    public var maxWidth: Int
    /// Lower priorities are dropped first when the terminal is narrow.
    public var priority: Int
    /// Whether the column takes the width left over (error and problem texts).
    public var flexible: Bool
    /// Whether numbers are right-aligned.
    public var alignRight: Bool
    /// Whether the column may be narrowed below its content (names, messages); columns
    /// that may not (addresses, states, ages) are dropped whole instead.
    public var squeeze: Bool

    /// A column.
    public init(_ title: String, min: Int, max: Int, priority: Int, flexible: Bool = false, alignRight: Bool = false,
                squeeze: Bool = true) {
        self.title = title
        self.minWidth = min
        self.maxWidth = max
        self.priority = priority
        self.flexible = flexible
        self.alignRight = alignRight
        self.squeeze = squeeze
    }
}
