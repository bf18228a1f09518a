extension InspectorRenderer {
    static func drawOverlay(_ state: InspectorState, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let ascii = state.asciiOnly
        switch state.overlay {
        case .none:
            return
        case .help(let scroll):
            let entries = Keymap.helpEntries(readOnly: state.readOnly, asciiOnly: ascii)
            let keyWidth = entries.map { TextWidth.width($0.key) }.max() ?? 0
            var lines = entries.map { (TextWidth.pad($0.key, to: keyWidth) + "  " + $0.description, StyleRole.dialog) }
            if state.readOnly { lines.append(("read-only: actions are hidden", .warn)) }
            drawBox(title: "Help", lines: lines, scroll: scroll, fullSize: false, glyphs: glyphs, into: &buffer)
        case .details(let id, let history, let scroll):
            let content = DetailsContent.content(for: id, history: history, state: state)
            drawBox(title: content.title, lines: content.lines, scroll: scroll, fullSize: true, glyphs: glyphs,
                    into: &buffer)
        case .confirmRetry(let target):
            drawBox(title: "Retry teardown?", lines: [
                ("Run CNI DEL again with the recorded config for:", .dialog),
                ("pod        \(target.pod)", .dialog),
                ("network    \(target.network)", .dialog),
                ("interface  \(target.ifName)", .dialog),
                ("container  \(target.containerID)", .dialog),
                ("", .dialog),
                ("y = retry   n = cancel", .key),
            ], scroll: 0, fullSize: false, glyphs: glyphs, into: &buffer)
        case .retrying(let target):
            drawBox(title: "Retrying", lines: [
                ("\(StateBadge.pendingGlyph(ascii: ascii)) retrying the teardown of \(target.ifName) in \(target.pod)",
                 .warn),
            ], scroll: 0, fullSize: false, glyphs: glyphs, into: &buffer)
        case .confirmReclaim(let target):
            var lines: [(String, StyleRole)] = [
                ("Run CNI DEL with the recorded config for every attachment of:", .dialog),
                ("pod        \(target.pod)", .dialog),
                ("container  \(target.containerID)", .dialog),
            ]
            lines += target.attachments.map { ("           \($0)", StyleRole.dialog) }
            lines += [("why        \(target.reason)", .warn), ("", .dialog), ("y = tear down   n = cancel", .key)]
            drawBox(title: "Tear down the leak?", lines: lines, scroll: 0, fullSize: false, glyphs: glyphs, into: &buffer)
        case .reclaiming(let target):
            drawBox(title: "Tearing down", lines: [
                ("\(StateBadge.pendingGlyph(ascii: ascii)) tearing down \(target.attachments.count) attachment(s) of \(target.pod)",
                 .warn),
            ], scroll: 0, fullSize: false, glyphs: glyphs, into: &buffer)
        case .outcome(let message, let success):
            let badge = success ? StateBadge.ok(message, ascii: ascii) : StateBadge.failed(message, ascii: ascii)
            drawBox(title: success ? "Done" : "Failed", lines: [(badge.text, badge.role), ("", .dialog),
                                                                ("any key closes", .dim)],
                    scroll: 0, fullSize: false, glyphs: glyphs, into: &buffer)
        }
    }

    /// Draws a titled box with wrapped lines centred on the screen (or filling it less a
    /// margin when `fullSize`); on a very small screen the box has no border.
    static func drawBox(title: String, lines: [(String, StyleRole)], scroll: Int, fullSize: Bool, glyphs: BoxGlyphs,
                        into buffer: inout ScreenBuffer) {
        let bordered = buffer.width >= 12 && buffer.height >= 5
        let inset = bordered ? 2 : 0
        let maxOuter = max(1, buffer.width - (bordered ? 2 : 0))
        let natural = (lines.map { TextWidth.width($0.0) }.max() ?? 0) + inset
        let outerWidth = fullSize ? maxOuter : min(maxOuter, max(natural, TextWidth.width(title) + 4 + inset))
        let innerWidth = max(1, outerWidth - inset)
        let wrapped = lines.flatMap { line in
            TextWidth.wrap(line.0, width: innerWidth).map { ($0, line.1) }
        }
        let maxOuterHeight = max(1, buffer.height - (bordered ? 2 : 0))
        let outerHeight = fullSize ? maxOuterHeight : min(maxOuterHeight, wrapped.count + inset)
        let innerHeight = max(0, outerHeight - inset)
        let left = (buffer.width - outerWidth) / 2
        let top = (buffer.height - outerHeight) / 2
        for y in top..<(top + outerHeight) { buffer.fill(row: y, column: left, count: outerWidth, style: .dialog) }
        if bordered {
            let right = left + outerWidth - 1
            let bottom = top + outerHeight - 1
            buffer.fill(row: top, column: left + 1, count: outerWidth - 2, with: glyphs.horizontal, style: .border)
            buffer.fill(row: bottom, column: left + 1, count: outerWidth - 2, with: glyphs.horizontal, style: .border)
            for y in (top + 1)..<max(top + 1, bottom) {
                buffer.draw(glyphs.vertical, row: y, column: left, style: .border)
                buffer.draw(glyphs.vertical, row: y, column: right, style: .border)
            }
            buffer.draw(glyphs.topLeft, row: top, column: left, style: .border)
            buffer.draw(glyphs.topRight, row: top, column: right, style: .border)
            buffer.draw(glyphs.bottomLeft, row: bottom, column: left, style: .border)
            buffer.draw(glyphs.bottomRight, row: bottom, column: right, style: .border)
            let shownTitle = " " + TextWidth.truncate(title, to: max(0, outerWidth - 6), ellipsis: glyphs.ellipsis) + " "
            buffer.draw(shownTitle, row: top, column: left + 2, maxWidth: outerWidth - 4, style: .title)
            let more = wrapped.count - scroll > innerHeight
            if more { buffer.draw(glyphs.descending, row: bottom, column: right - 2, style: .border) }
        }
        let start = max(0, min(scroll, max(0, wrapped.count - innerHeight)))
        for offset in 0..<innerHeight {
            let index = start + offset
            guard wrapped.indices.contains(index) else { break }
            let (text, role) = wrapped[index]
            buffer.draw(text, row: top + (bordered ? 1 : 0) + offset, column: left + (bordered ? 1 : 0),
                        maxWidth: innerWidth, style: role)
        }
    }
}
