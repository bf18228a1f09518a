/// Draws an ``InspectorState`` into a ``ScreenBuffer`` of the state's size. Pure: the
/// same state and `now` give the same cells; any size works, down to 0 × 0.
public enum InspectorRenderer {
    /// The screen for `state`, with ages computed against `now` (unix milliseconds).
    public static func render(_ state: InspectorState, now: Int64) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        guard buffer.width > 0, buffer.height > 0 else { return buffer }
        var state = state
        state.now = now
        let layout = InspectorLayout(state)
        let glyphs = BoxGlyphs.forMode(asciiOnly: state.asciiOnly)
        drawHeader(state, layout: layout, glyphs: glyphs, into: &buffer)
        drawTabBar(state, layout: layout, into: &buffer)
        drawTable(state, layout: layout, glyphs: glyphs, into: &buffer)
        drawStatus(state, layout: layout, glyphs: glyphs, into: &buffer)
        drawFooter(state, layout: layout, into: &buffer)
        drawOverlay(state, glyphs: glyphs, into: &buffer)
        if state.asciiOnly { buffer.restrictToASCII() }
        return buffer
    }

    /// Draws a sequence of styled pieces on one row from `column`, truncating the last one
    /// that does not fit with `ellipsis`; returns the column after the last one drawn.
    @discardableResult
    static func drawPieces(_ pieces: [(String, StyleRole)], row: Int, column: Int, width: Int, ellipsis: String,
                           into buffer: inout ScreenBuffer) -> Int {
        var x = column
        for (text, role) in pieces {
            let room = width - x
            guard room > 0 else { break }
            let shown = TextWidth.truncate(text, to: room, ellipsis: ellipsis)
            x += buffer.draw(shown, row: row, column: x, maxWidth: room, style: role)
            if shown != text { break }
        }
        return x
    }
}
