extension InspectorRenderer {
    static func drawHeader(_ state: InspectorState, layout: InspectorLayout, glyphs: BoxGlyphs,
                           into buffer: inout ScreenBuffer) {
        guard !layout.header.isEmpty else { return }
        for row in layout.header { buffer.fill(row: row, column: 0, count: buffer.width, style: .header) }
        let ascii = state.asciiOnly
        let sep = (" \(glyphs.separator) ", StyleRole.header)
        var first: [(String, StyleRole)] = [("multinet-inspect", .header)]
        if state.readOnly { first += [(" ", .header), ("READ-ONLY", .warn)] }
        guard let snapshot = state.snapshot else {
            first += [sep, ("waiting for the first refresh\(glyphs.ellipsis)", .header)]
            drawPieces(first, row: layout.header.lowerBound, column: 1, width: buffer.width, ellipsis: glyphs.ellipsis,
                       into: &buffer)
            return
        }
        let header = snapshot.header
        let apiserver: [(String, StyleRole)]
        switch header.apiserver {
        case .notConfigured:
            apiserver = [("apiserver ", .header), ("- not configured", .dim)]
        case .reachable(let server):
            apiserver = [("apiserver ", .header), (StateBadge.ok(server, ascii: ascii).text, .ok)]
        case .unreachable(let server, let error):
            apiserver = [("apiserver ", .header),
                         (StateBadge.failed("\(server) unreachable: \(error.oneLine)", ascii: ascii).text, .failed)]
        }
        let failures = snapshot.failures.count
        let attachments = snapshot.pods.reduce(0) { $0 + $1.attachments.count }
        let counts: [(String, StyleRole)] = [
            ("\(snapshot.pods.count) pods, \(attachments) attachments, ", .header),
            ("\(failures) failures", failures > 0 ? .failed : .header),
        ]
        let store: [(String, StyleRole)] = header.storeProblem.map {
            [("store ", .header), (StateBadge.failed("\(header.storePath): \($0.oneLine)", ascii: ascii).text, .failed)]
        } ?? [("store \(header.storePath)", .header)]
        let refreshed = ("refreshed \(TimeFormat.age(since: header.refreshedAt, now: state.now)) ago", StyleRole.header)
        let node = ("node \(header.node)", StyleRole.header)
        let context = header.context.map { [sep, ("context \($0)", StyleRole.header)] } ?? []
        let lines: [[(String, StyleRole)]]
        var top: [(String, StyleRole)] = first + [sep, node, sep]
        if layout.header.count >= 2 {
            top += apiserver
            top += context
            var second: [(String, StyleRole)] = counts + [sep, refreshed, sep]
            second += store
            lines = [top, second]
        } else {
            top += counts
            top += [sep]
            top += apiserver
            lines = [top]
        }
        for (offset, pieces) in lines.enumerated() where offset < layout.header.count {
            drawPieces(pieces, row: layout.header.lowerBound + offset, column: 1, width: buffer.width,
                       ellipsis: glyphs.ellipsis, into: &buffer)
        }
    }
}
