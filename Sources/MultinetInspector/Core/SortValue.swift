/// What a cell sorts by: text, or a number (counts, timestamps, durations).
public enum SortValue: Sendable, Equatable, Comparable {
    /// Numbers sort before text.
    case number(Int64)
    /// Text sorts case-insensitively.
    case text(String)

    /// The order: numbers by value, text case-insensitively, numbers first.
    public static func < (lhs: SortValue, rhs: SortValue) -> Bool {
        switch (lhs, rhs) {
        case let (.number(a), .number(b)): a < b
        case let (.text(a), .text(b)): a.lowercased() < b.lowercased()
        case (.number, .text): true
        case (.text, .number): false
        }
    }
}
