extension InspectorRenderer {
    static func drawTabBar(_ state: InspectorState, layout: InspectorLayout, into buffer: inout ScreenBuffer) {
        guard let row = layout.tabBar else { return }
        var pieces: [(String, StyleRole)] = []
        for view in InspectorView.allCases {
            let count = state.rowCount(view)
            let label = "\(view.rawValue) \(view.title) \(count)"
            let failing = view == .failures && count > 0
            if view == state.view {
                pieces.append(("[\(label)]", .selected))
            } else {
                pieces.append((" \(label) ", failing ? .failed : .title))
            }
            pieces.append((" ", .normal))
        }
        drawPieces(pieces, row: row, column: 0, width: buffer.width, ellipsis: state.asciiOnly ? "~" : "…",
                   into: &buffer)
    }

    static func drawTable(_ state: InspectorState, layout: InspectorLayout, glyphs: BoxGlyphs,
                          into buffer: inout ScreenBuffer) {
        let columns = InspectorTables.columns(for: state.view)
        let rows = state.visibleRows(state.view)
        let marker = buffer.width >= 20 ? 2 : 0
        let placed = ColumnLayout(columns: columns, rows: rows, width: buffer.width - marker).columns
        let sort = state.sort(state.view)
        if let row = layout.headings {
            buffer.fill(row: row, column: 0, count: buffer.width, style: .title)
            for column in placed {
                var title = columns[column.index].title
                if column.index == sort.column { title += sort.descending ? glyphs.descending : glyphs.ascending }
                buffer.draw(TextWidth.pad(title, to: column.width, ellipsis: glyphs.ellipsis), row: row,
                            column: marker + column.x, maxWidth: column.width, style: .title)
            }
        }
        guard !layout.body.isEmpty else { return }
        if rows.isEmpty {
            let message = state.snapshot == nil ? "waiting for the first refresh"
                : !state.filter.isEmpty ? "no rows match \"\(state.filter)\""
                : state.view == .failures ? "no failures" : "nothing here"
            buffer.draw(TextWidth.truncate(message, to: buffer.width - 1, ellipsis: glyphs.ellipsis),
                        row: layout.body.lowerBound, column: 1, style: .dim)
            return
        }
        let position = state.position(state.view)
        for (offset, y) in layout.body.enumerated() {
            let index = position.scroll + offset
            guard rows.indices.contains(index) else { break }
            let selected = index == position.selected
            if selected {
                buffer.fill(row: y, column: 0, count: buffer.width, style: .selected)
                if marker > 0 { buffer.draw(glyphs.selection, row: y, column: 0, style: .selected) }
            }
            for column in placed {
                let cell = rows[index].cells[column.index]
                let text = TextWidth.pad(cell.text, to: column.width, alignRight: columns[column.index].alignRight,
                                         ellipsis: glyphs.ellipsis)
                buffer.draw(text, row: y, column: marker + column.x, maxWidth: column.width,
                            style: selected ? .selected : cell.role)
            }
        }
    }
}
