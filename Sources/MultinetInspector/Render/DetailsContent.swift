import MultinetCheckpoint

/// The lines of the details overlay for a row: for an attachment the exact config bytes
/// sent (pretty-printed), the result and the attempt history; for a network its fields.
public enum DetailsContent {
    /// The overlay's title and lines (text, style) for `id` in `state`'s snapshot.
    public static func content(for id: RowID, history: [AttemptRecord]?, state: InspectorState)
        -> (title: String, lines: [(String, StyleRole)]) {
        let ascii = state.asciiOnly
        switch id {
        case .network:
            guard let network = InspectorTables.rows(for: .networks, snapshot: state.snapshot, now: state.now, ascii: ascii)
                .first(where: { $0.id == id })?.network else { return ("Details", [("no longer listed", .dim)]) }
            let usable = network.usable ? StateBadge.ok("usable", ascii: ascii)
                : StateBadge.failed(network.problem ?? "unusable", ascii: ascii)
            return ("Network \(network.namespace.map { "\($0)/" } ?? "")\(network.name)", [
                ("kind        \(network.kind.rawValue)", .normal),
                ("plugin      \(network.plugin ?? "-")", .normal),
                ("cniVersion  \(network.cniVersion ?? "-")", .normal),
                ("usable      \(usable.text)", usable.role),
                ("attachments \(network.attachmentCount)", .normal),
            ])
        case .pod(let containerID):
            let pod = state.snapshot?.pods.first { $0.containerID == containerID }
            return ("Pod \(pod.map { "\($0.namespace)/\($0.name)" } ?? containerID)", [
                ("container   \(containerID)", .normal),
                ("uid         \(pod?.uid ?? "-")", .normal),
                ("no attachment recorded", .dim),
            ])
        case .attachment(let key):
            guard let record = state.snapshot?.pods.flatMap(\.attachments).first(where: { AttachmentKey($0) == key }) else {
                return ("Details", [("the attachment is no longer recorded", .dim)])
            }
            return ("\(InspectorTables.podName(of: record)) \(record.ifName) (\(record.qualifiedNetwork))",
                    threeViews(record, state: state) + attachmentLines(record, history: history, state: state))
        case .drift(let identity):
            return driftContent(identity, state: state)
        case .event(let identity):
            return eventContent(identity, state: state)
        case .reported(let pod, let interface):
            return reportedContent(pod: pod, interface: interface, state: state)
        }
    }

    static func attachmentLines(_ record: AttachmentRecord, history: [AttemptRecord]?, state: InspectorState)
        -> [(String, StyleRole)] {
        let ascii = state.asciiOnly
        let badge = StateBadge.of(record.state, ascii: ascii)
        var lines: [(String, StyleRole)] = [
            ("container   \(record.containerID)", .normal),
            ("interface   \(record.ifName) (runtime \(record.runtimeIfName))\(record.isDefault ? ", default" : "")",
             .normal),
            ("network     \(record.qualifiedNetwork) (\(record.networkKind))", .normal),
            ("origin      \(record.origin == .hotplug ? "hotplug (attached into the running pod by multinet-agent)" : "runtime (the sandbox's ADD)")", .normal),
            ("state       \(badge.text)", badge.role),
        ]
        if let error = record.error { lines.append(("error       \(error)", .failed)) }
        lines += [
            ("last        \(record.lastOperation.rawValue), \(record.attempts) attempt(s), "
                + "\(TimeFormat.age(since: record.updatedAt, now: state.now)) ago, took "
                + TimeFormat.duration(ms: record.lastDurationMs), .normal),
            ("netns       \(record.netns)", .dim),
            ("CNI_PATH    \(record.cniPath)", .dim),
            ("CNI_ARGS    \(record.cniArgs)", .dim),
            ("", .normal),
            ("Config sent (\(record.config.count) bytes):", .title),
        ]
        lines += JSONPrettyPrinter.lines(record.config).map { line in (line, StyleRole.normal) }
        lines += [("", .normal), ("Result:", .title)]
        if let result = record.result {
            lines += JSONPrettyPrinter.lines(result).map { line in (line, StyleRole.normal) }
        } else {
            lines.append(("(none)", .dim))
        }
        lines += [("", .normal), ("Attempts:", .title)]
        guard let history else { return lines + [("loading\(ascii ? "..." : "…")", .dim)] }
        if history.isEmpty { lines.append(("(none recorded)", .dim)) }
        for attempt in history {
            let outcome = attempt.durationMs == nil ? StateBadge(glyph: StateBadge.pendingGlyph(ascii: ascii),
                                                                 word: "unfinished", role: .warn)
                : attempt.error.map { StateBadge.failed($0, ascii: ascii) } ?? StateBadge.ok("ok", ascii: ascii)
            let text = "\(TextWidth.pad(attempt.operation.rawValue, to: 4)) \(TimeFormat.age(since: attempt.startedAt, now: state.now)) ago"
                + "  took \(TimeFormat.duration(ms: attempt.durationMs))  \(outcome.text)"
            lines.append((text, outcome.role))
        }
        return lines
    }
}
