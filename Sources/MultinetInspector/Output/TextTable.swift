/// Left-aligned columns separated by three spaces, like `kubectl get`: a header row, then
/// one row per line; empty cells print as `<none>`; no trailing spaces.
public struct TextTable: Sendable, Equatable {
    /// The column titles.
    public var headers: [String]
    /// The rows; each has as many cells as there are headers.
    public var rows: [[String]]

    /// A table.
    public init(headers: [String], rows: [[String]] = []) {
        self.headers = headers
        self.rows = rows
    }

    /// The table as lines of text.
    public var lines: [String] {
        let cells = [headers] + rows.map { row in row.map { $0.isEmpty ? "<none>" : $0 } }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return cells.map { row in
            var line = ""
            for (index, cell) in row.enumerated() where index < widths.count {
                let isLast = index == min(row.count, widths.count) - 1
                line += isLast ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 3)
            }
            return line
        }
    }

    /// The table as text, each line ending in a newline.
    public var text: String { lines.map { $0 + "\n" }.joined() }
}
