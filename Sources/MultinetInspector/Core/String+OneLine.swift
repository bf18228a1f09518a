extension String {
    /// The text on one line, for a table cell or a header field: each run of line breaks
    /// and tabs becomes one space.
    var oneLine: String {
        split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }
}
