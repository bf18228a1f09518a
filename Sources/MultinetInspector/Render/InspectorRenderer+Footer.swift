extension InspectorRenderer {
    static func drawStatus(_ state: InspectorState, layout: InspectorLayout, glyphs: BoxGlyphs,
                           into buffer: inout ScreenBuffer) {
        guard let row = layout.status else { return }
        let pieces: [(String, StyleRole)]
        if let error = state.lastError {
            pieces = [(StateBadge.failed(error, ascii: state.asciiOnly).text, .failed)]
        } else if let line = state.commandLine {
            let candidates = InspectorCommand.candidates(line)
            let offer = candidates.isEmpty ? "  no such command" : "  " + candidates.map { ":" + $0 }.joined(separator: " ")
            pieces = [(":", .key), (line, .normal), (state.asciiOnly ? "_" : "▏", .key), (offer, .dim)]
        } else if state.editingFilter {
            pieces = [("/", .key), (state.filter, .normal), (state.asciiOnly ? "_" : "▏", .key),
                      ("  Enter keeps, Esc clears", .dim)]
        } else if state.filter.isEmpty, let action = state.selectedDriftAction {
            pieces = [("action ", .dim), (action, .key)]
        } else {
            pieces = [("filter ", .dim), (state.filter, .normal), ("  / edits, Esc clears", .dim)]
        }
        drawPieces(pieces, row: row, column: 0, width: buffer.width, ellipsis: glyphs.ellipsis, into: &buffer)
    }

    static func drawFooter(_ state: InspectorState, layout: InspectorLayout, into buffer: inout ScreenBuffer) {
        guard let row = layout.footer else { return }
        buffer.fill(row: row, column: 0, count: buffer.width, style: .footer)
        var pieces: [(String, StyleRole)] = []
        for hint in footerHints(state) {
            pieces += [(hint.key, .key), (" \(hint.hint)  ", .footer)]
        }
        var x = 0
        for index in stride(from: 0, to: pieces.count, by: 2) {
            let w = TextWidth.width(pieces[index].0) + TextWidth.width(pieces[index + 1].0.dropLast(2)) + 1
            guard x + w <= buffer.width else { break }
            x += buffer.draw(pieces[index].0, row: row, column: x, style: .key)
            x += buffer.draw(pieces[index + 1].0, row: row, column: x, style: .footer)
        }
    }

    /// The footer's hints for the current mode: the keymap's in the table, the dialog's keys
    /// in a dialog.
    static func footerHints(_ state: InspectorState) -> [(key: String, hint: String)] {
        let enter = state.asciiOnly ? "Enter" : "⏎"
        if state.editingFilter { return [(enter, "keep filter"), ("Esc", "clear filter")] }
        if state.commandLine != nil { return [(enter, "run"), ("Tab", "complete"), ("Esc", "cancel")] }
        switch state.overlay {
        case .none:
            return Keymap.footerHints(readOnly: state.readOnly, asciiOnly: state.asciiOnly)
                .map { $0.key == "Enter" ? (key: enter, hint: $0.hint) : $0 }
        case .help: return [("Esc", "close"), ("j/k", "scroll"), ("q", "quit")]
        case .details(let id, _, _):
            var hints: [(key: String, hint: String)] = [("Esc", "close"), ("j/k", "scroll"), ("PgUp/PgDn", "page")]
            if !state.readOnly, case .attachment = id { hints.append(("r", "retry")) }
            if !state.readOnly, case .drift(let identity) = id,
               state.snapshot?.drift.first(where: { $0.identity == identity })?.kind.isReclaimable == true {
                hints.append(("r", "tear down"))
            }
            return hints + [("q", "quit")]
        case .confirmRetry: return [("y", "retry the teardown"), ("n", "cancel")]
        case .confirmReclaim: return [("y", "tear down the leak"), ("n", "cancel")]
        case .retrying, .reclaiming: return [("q", "quit")]
        case .outcome: return [("any key", "close")]
        }
    }
}
