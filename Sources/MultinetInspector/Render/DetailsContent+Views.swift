import MultinetCNI
import MultinetCheckpoint
import MultinetCore

extension DetailsContent {
    /// One attachment as the cluster (`network-status`), the store (its record) and the
    /// kernel (its netns) each have it, side by side, and the drift between them.
    static func threeViews(_ record: AttachmentRecord, state: InspectorState) -> [(String, StyleRole)] {
        let snapshot = state.snapshot
        let pod = snapshot?.pods.first { $0.containerID == record.containerID }
        let label = 10
        let column = max(14, (state.width - 6 - label) / 3)
        func line(_ name: String, _ values: [String], _ role: StyleRole = .normal) -> (String, StyleRole) {
            let ellipsis = state.asciiOnly ? "~" : "…"
            let cells = values.dropLast().map { TextWidth.pad($0, to: column - 1, ellipsis: ellipsis) + " " }
            return (TextWidth.pad(name, to: label) + cells.joined() + TextWidth.truncate(values.last ?? "", to: column, ellipsis: ellipsis), role)
        }
        // The store.
        let stored = AttachmentAddresses(record)
        let store = [record.ifName, stored.ips.joined(separator: ",").nonEmpty, stored.mac ?? "-", record.qualifiedNetwork]
        // The cluster.
        let cluster: [String]
        switch (pod?.existsInCluster, pod?.status?.first { $0.interface == record.ifName }) {
        case (false?, _): cluster = ["pod not in cluster", "-", "-", "-"]
        case (nil, _): cluster = ["not read", "-", "-", "-"]
        case (_, let entry?): cluster = [entry.interface, entry.ips.joined(separator: ",").nonEmpty, entry.mac ?? "-", entry.name]
        case (_, nil): cluster = [pod?.status == nil ? "no network-status" : "not in network-status", "-", "-", "-"]
        }
        // The kernel.
        let kernel: [String]
        let observed = snapshot?.namespaces[record.netns] ?? .unknown
        switch observed {
        case .gone: kernel = ["netns gone", "-", "-", "-"]
        case .present:
            if let (link, prefixes) = observed.interface(record.ifName) {
                kernel = [link.name, prefixes.joined(separator: ",").nonEmpty, link.mac?.lowercased() ?? "-", "-"]
            } else {
                kernel = ["missing", "-", "-", "-"]
            }
        case .unknown: kernel = ["unknown (needs root)", "-", "-", "-"]
        }
        var lines: [(String, StyleRole)] = [
            ("Cluster / store / kernel:", .title),
            line("", ["cluster (status)", "store (record)", "kernel (netns)"], .dim),
        ]
        for (index, name) in ["interface", "addresses", "mac", "network"].enumerated() {
            let values = [cluster[index], store[index], kernel[index]]
            // Addresses agree whether or not a view gives the prefix length (network-status may not).
            let compared = values.filter { $0 != "-" }.map { value in
                name == "addresses" ? value.split(separator: ",").map { $0.split(separator: "/").first.map(String.init) ?? "" }.sorted().joined(separator: ",")
                    : value.lowercased()
            }
            let agree = Set(compared).count <= 1
            lines.append(line(name, values, agree ? .normal : .warn))
        }
        let drift = snapshot?.drift.filter { $0.containerID == record.containerID && $0.interface == record.ifName } ?? []
        if drift.isEmpty {
            lines.append(("drift     none", .dim))
        }
        for entry in drift {
            lines.append(("drift     \(entry.kind.rawValue): \(entry.detail)", .warn))
            lines.append(("          \(entry.kind.action)", .dim))
        }
        return lines + [("", .normal)]
    }

    /// A Drift row's details: the entry, then its attachment's three views.
    static func driftContent(_ identity: String, state: InspectorState) -> (title: String, lines: [(String, StyleRole)]) {
        guard let entry = state.snapshot?.drift.first(where: { $0.identity == identity }) else {
            return ("Drift", [("no longer seen", .dim)])
        }
        var lines: [(String, StyleRole)] = [
            ("kind        \(entry.kind.rawValue)", .warn),
            ("detail      \(entry.detail)", .normal),
            ("since       \(entry.since.map { TimeFormat.age(since: $0, now: state.now) + " ago" } ?? "-")", .normal),
            ("action      \(entry.kind.action)", entry.kind.isReclaimable ? .key : .normal),
            ("container   \(entry.containerID)", .dim),
            ("", .normal),
        ]
        if let record = state.snapshot?.pods.flatMap(\.attachments)
            .first(where: { $0.containerID == entry.containerID && $0.ifName == entry.interface }) {
            lines += threeViews(record, state: state)
        }
        let pod = entry.pod.isEmpty ? entry.containerID : "\(entry.namespace)/\(entry.pod)"
        return ("Drift \(pod) \(entry.interface)", lines)
    }

    /// An Events row's details: every field, the message unabridged.
    static func eventContent(_ identity: String, state: InspectorState) -> (title: String, lines: [(String, StyleRole)]) {
        guard let row = InspectorTables.rows(for: .events, snapshot: state.snapshot, now: state.now, ascii: state.asciiOnly)
            .first(where: { $0.id == .event(identity) }) else { return ("Event", [("no longer listed", .dim)]) }
        let titles = InspectorTables.columns(for: .events).map(\.title)
        let lines = zip(titles, row.cells).map { title, cell in (TextWidth.pad(title, to: 8) + "  " + cell.text, StyleRole.normal) }
        return ("Event", lines)
    }
}

extension DetailsContent {
    /// An interface a pod's `network-status` reports (`--all-nodes`).
    static func reportedContent(pod: String, interface: String, state: InspectorState) -> (title: String, lines: [(String, StyleRole)]) {
        guard let row = state.snapshot?.pods.first(where: { "\($0.namespace)/\($0.name)" == pod }),
              let entry = row.status?.first(where: { $0.interface == interface }) else {
            return ("Pod \(pod)", [("no longer reported", .dim)])
        }
        return ("\(pod) \(interface) (\(entry.name))", [
            ("node        \(row.node ?? "-")", .normal),
            ("uid         \(row.uid)", .normal),
            ("network     \(entry.name)\(entry.isDefault ? ", default" : "")", .normal),
            ("interface   \(entry.interface)", .normal),
            ("ips         \(entry.ips.isEmpty ? "-" : entry.ips.joined(separator: ", "))", .normal),
            ("mac         \(entry.mac ?? "-")", .normal),
            ("", .normal),
            ("as the pod's network-status reports it; the store and the kernel are on that node", .dim),
        ])
    }
}

extension String {
    /// `-` for an empty string.
    fileprivate var nonEmpty: String { isEmpty ? "-" : self }
}
