extension ScreenBuffer {
    /// Draws `text` at (`row`, `column`) in at most `maxWidth` columns (to the right edge
    /// when `nil`), width-aware: a wide grapheme takes two cells (the second a
    /// continuation), combining marks join the previous cell, control characters become
    /// spaces. Nothing is drawn outside the buffer. Returns the columns used.
    @discardableResult
    public mutating func draw(_ text: String, row: Int, column: Int, maxWidth: Int? = nil, style: StyleRole) -> Int {
        guard row >= 0, row < height else { return 0 }
        let limit = min(width, column + (maxWidth ?? width))
        var x = column
        for character in text {
            let w = TextWidth.width(of: character)
            if w == 0 {
                if character.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) ?? false {
                    guard x < limit else { break }
                    set(row: row, column: x, Cell(" ", style: style))
                    x += 1
                } else if x > column, x - 1 < width, let previous = self[row, x - 1], !previous.text.isEmpty {
                    set(row: row, column: x - 1, Cell(previous.text + String(character), style: previous.style))
                }
                continue
            }
            guard x + w <= limit else { break }
            if x >= 0 {
                set(row: row, column: x, Cell(String(character), style: style))
                if w == 2 { set(row: row, column: x + 1, .continuation(style)) }
            }
            x += w
        }
        return x - column
    }

    /// Fills `count` cells of a row from `column` with `text` (a single-width grapheme).
    public mutating func fill(row: Int, column: Int, count: Int, with text: String = " ", style: StyleRole) {
        for x in column..<max(column, column + count) { set(row: row, column: x, Cell(text, style: style)) }
    }

    /// Replaces every cell that is not plain ASCII (and every continuation) with `?`, so an
    /// ASCII-only terminal gets nothing else.
    public mutating func restrictToASCII() {
        for row in 0..<height {
            for column in 0..<width {
                guard let cell = self[row, column] else { continue }
                if cell.text.isEmpty || !cell.text.unicodeScalars.allSatisfy({ $0.isASCII }) {
                    set(row: row, column: column, Cell("?", style: cell.style))
                }
            }
        }
    }
}
