/// A grid of styled cells the renderer draws into and a terminal backend copies to the
/// screen: the seam between pure rendering and curses.
///
/// Each cell holds one grapheme cluster. A double-width grapheme (CJK, most emoji) occupies
/// its cell and a following ``Cell/continuation`` cell, as terminals lay them out.
public struct ScreenBuffer: Sendable, Equatable {
    /// One cell.
    public struct Cell: Sendable, Equatable {
        /// The grapheme drawn here; empty for the right half of a double-width one.
        public var text: String
        /// What the cell means.
        public var style: StyleRole

        /// A cell.
        public init(_ text: String, style: StyleRole = .normal) {
            self.text = text
            self.style = style
        }

        /// A blank cell.
        public static let blank = Cell(" ")
        /// The right half of a double-width grapheme.
        public static func continuation(_ style: StyleRole) -> Cell { Cell("", style: style) }
    }

    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The cells, row by row.
    public private(set) var cells: [Cell]

    /// A blank buffer of `width` × `height` (negative sizes count as zero).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a position (`nil` outside the buffer).
    public subscript(row: Int, column: Int) -> Cell? {
        guard row >= 0, row < height, column >= 0, column < width else { return nil }
        return cells[row * width + column]
    }

    /// Sets one cell; positions outside the buffer are ignored.
    public mutating func set(row: Int, column: Int, _ cell: Cell) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        cells[row * width + column] = cell
    }

    /// Row `row` as plain text (continuation cells skipped), for tests and `--once`.
    public func line(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        return cells[(row * width)..<((row + 1) * width)].map(\.text).joined()
    }

    /// Every row as plain text.
    public var lines: [String] { (0..<height).map(line) }
}
