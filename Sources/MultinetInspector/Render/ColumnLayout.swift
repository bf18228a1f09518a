/// Fits a table's columns into a width: drops the lowest-priority columns until the
/// rest fit at their minimum widths, sizes each to its content, squeezes the widest, and
/// gives what is left to the flexible column.
public struct ColumnLayout: Sendable, Equatable {
    /// The column kept, by index into the table's columns, with its width.
    public struct Placed: Sendable, Equatable {
        /// Index into the table's columns.
        public var index: Int
        /// Its x offset from the table's left edge.
        public var x: Int
        /// Its width.
        public var width: Int
    }

    /// The kept columns, left to right.
    public var columns: [Placed]

    /// The gap between columns.
    public static let gap = 1

    /// Lays out `columns` for `rows` in `width` columns.
    public init(columns: [TableColumn], rows: [TableRow], width: Int) {
        var kept = Array(columns.indices)
        func total(_ widths: [Int: Int]) -> Int {
            kept.reduce(0) { $0 + (widths[$1] ?? 0) } + max(0, kept.count - 1) * ColumnLayout.gap
        }
        var widths: [Int: Int] = [:]
        for index in kept {
            let column = columns[index]
            let content = rows.map { TextWidth.width($0.cells.indices.contains(index) ? $0.cells[index].text : "") }
            let wanted = max(TextWidth.width(column.title) + 1, content.max() ?? 0)
            widths[index] = min(column.maxWidth, max(column.minWidth, wanted))
        }
        // What each column needs at least: squeezable ones their minimum, the others their content.
        let needed = Dictionary(uniqueKeysWithValues: kept.map { ($0, columns[$0].squeeze ? columns[$0].minWidth : widths[$0]!) })
        while kept.count > 1, total(needed) > width {
            let drop = kept.min { columns[$0].priority < columns[$1].priority }!
            kept.removeAll { $0 == drop }
        }
        for squeezeAll in [false, true] {
            while total(widths) > width {
                guard let widest = kept.filter({ (squeezeAll || columns[$0].squeeze) && widths[$0]! > columns[$0].minWidth })
                    .max(by: { widths[$0]! < widths[$1]! })
                else { break }
                widths[widest]! -= 1
            }
        }
        if total(widths) < width, let flexible = kept.last(where: { columns[$0].flexible }) {
            widths[flexible]! += width - total(widths)
        }
        var x = 0
        self.columns = kept.map { index in
            defer { x += widths[index]! + ColumnLayout.gap }
            return Placed(index: index, x: x, width: min(widths[index]!, max(0, width - x)))
        }
    }
}
