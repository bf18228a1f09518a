import Testing

/// Reports a clean-up problem to Swift Testing without throwing, for helpers meant to be
/// called from `defer`.
enum TestIssue {
    /// Records `message` as an issue of the running test (a failure), at the caller's location.
    static func record(
        _ message: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        Issue.record(
            Comment(rawValue: message),
            sourceLocation: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }
}
