/// A value bound to a statement parameter.
enum SQLiteValue: Equatable {
    case null
    case integer(Int64)
    case text(String)
    /// Bound as a BLOB, never as text, so arbitrary bytes round-trip exactly.
    case blob([UInt8])

    /// An integer.
    init(_ value: Int) {
        self = .integer(Int64(value))
    }

    /// An integer, or NULL.
    init(_ value: Int64?) {
        self = value.map(SQLiteValue.integer) ?? .null
    }

    /// Text, or NULL.
    init(_ value: String?) {
        self = value.map(SQLiteValue.text) ?? .null
    }

    /// A blob, or NULL.
    init(_ value: [UInt8]?) {
        self = value.map(SQLiteValue.blob) ?? .null
    }
}
