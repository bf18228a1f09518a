import MultinetCheckpoint
import MultinetCore

/// The table model of each view: its columns and the rows a snapshot gives, before
/// filtering and sorting. Pure; used by the reducer (selection, filter) and the renderer.
public enum InspectorTables {
    /// The columns of a view.
    public static func columns(for view: InspectorView) -> [TableColumn] {
        switch view {
        case .networks:
            [TableColumn("NAME", min: 6, max: 28, priority: 9),
             TableColumn("NAMESPACE", min: 4, max: 16, priority: 6),
             TableColumn("KIND", min: 4, max: 7, priority: 3, squeeze: false),
             TableColumn("PLUGIN", min: 5, max: 20, priority: 5),
             TableColumn("CNI", min: 5, max: 7, priority: 2, squeeze: false),
             TableColumn("ATT", min: 3, max: 4, priority: 4, alignRight: true, squeeze: false),
             TableColumn("USABLE", min: 8, max: 60, priority: 8, flexible: true)]
        case .pods:
            [TableColumn("POD", min: 8, max: 32, priority: 9),
             TableColumn("NETWORK", min: 7, max: 24, priority: 7),
             TableColumn("IF", min: 3, max: 16, priority: 6, squeeze: false),
             TableColumn("IPS", min: 9, max: 40, priority: 5, flexible: true, squeeze: false),
             TableColumn("MAC", min: 8, max: 17, priority: 1, squeeze: false),
             TableColumn("STATE", min: 12, max: 12, priority: 8, squeeze: false),
             TableColumn("AGE", min: 3, max: 4, priority: 3, alignRight: true, squeeze: false),
             TableColumn("TOOK", min: 4, max: 6, priority: 2, alignRight: true, squeeze: false)]
        case .failures:
            [TableColumn("POD", min: 8, max: 32, priority: 9),
             TableColumn("NETWORK", min: 7, max: 24, priority: 7),
             TableColumn("IF", min: 3, max: 8, priority: 5, squeeze: false),
             TableColumn("OP", min: 3, max: 3, priority: 8, squeeze: false),
             TableColumn("ERROR", min: 8, max: 200, priority: 6, flexible: true),
             TableColumn("TRIES", min: 5, max: 5, priority: 3, alignRight: true, squeeze: false),
             TableColumn("LAST", min: 4, max: 4, priority: 4, alignRight: true, squeeze: false)]
        case .drift:
            [TableColumn("POD", min: 8, max: 32, priority: 9),
             TableColumn("NETWORK", min: 7, max: 24, priority: 6),
             TableColumn("IF", min: 3, max: 8, priority: 7, squeeze: false),
             TableColumn("KIND", min: 9, max: 20, priority: 8, squeeze: false),
             TableColumn("SINCE", min: 5, max: 5, priority: 4, alignRight: true, squeeze: false),
             TableColumn("DETAIL", min: 16, max: 120, priority: 5, flexible: true),
             TableColumn("ACTION", min: 40, max: 64, priority: 3)]
        case .events:
            [TableColumn("LAST", min: 5, max: 5, priority: 7, alignRight: true, squeeze: false),
             TableColumn("TYPE", min: 4, max: 7, priority: 4, squeeze: false),
             TableColumn("REASON", min: 20, max: 24, priority: 8, squeeze: false),
             TableColumn("POD", min: 8, max: 32, priority: 9),
             TableColumn("N", min: 1, max: 4, priority: 2, alignRight: true, squeeze: false),
             TableColumn("FROM", min: 4, max: 16, priority: 3),
             TableColumn("MESSAGE", min: 8, max: 200, priority: 6, flexible: true)]
        }
    }

    /// The rows of a view for a snapshot, in the snapshot's order.
    public static func rows(for view: InspectorView, snapshot: InspectorSnapshot?, now: Int64, ascii: Bool) -> [TableRow] {
        guard let snapshot else { return [] }
        switch view {
        case .networks: return snapshot.networks.map { networkRow($0, ascii: ascii) }
        case .pods: return snapshot.pods.flatMap { podRows($0, now: now, ascii: ascii) }
        case .failures: return snapshot.failures.map { failureRow($0, now: now) }
        case .drift: return snapshot.drift.map { driftRow($0, now: now) }
        case .events: return (snapshot.events ?? []).map { eventRow($0, now: now) }
        }
    }

    static func driftRow(_ entry: DriftEntry, now: Int64) -> TableRow {
        let pod = entry.pod.isEmpty ? String(entry.containerID.prefix(12))
            : (entry.namespace.isEmpty ? entry.pod : "\(entry.namespace)/\(entry.pod)")
        let serious: StyleRole = entry.kind == .podGone || entry.kind == .netnsGone ? .failed : .warn
        let cells = [TableCell(pod),
                     TableCell(entry.network.isEmpty ? "-" : entry.network, role: entry.network.isEmpty ? .dim : .normal),
                     TableCell(entry.interface),
                     TableCell(entry.kind.rawValue, role: serious),
                     TableCell(entry.since.map { TimeFormat.age(since: $0, now: now) } ?? "-", role: .dim,
                               sort: .number(-(entry.since ?? now))),
                     TableCell(entry.detail.oneLine),
                     TableCell(entry.kind.action, role: entry.kind.isReclaimable ? .key : .dim)]
        return TableRow(id: .drift(entry.identity), cells: cells, drift: entry)
    }

    static func eventRow(_ event: EventRow, now: Int64) -> TableRow {
        let pod = event.namespace.isEmpty ? event.pod : "\(event.namespace)/\(event.pod)"
        let cells = [TableCell(event.lastSeen.map { TimeFormat.age(since: $0, now: now) } ?? "-", role: .dim,
                               sort: .number(-(event.lastSeen ?? 0))),
                     TableCell(event.type, role: event.type == "Warning" ? .warn : .dim),
                     TableCell(event.reason, role: event.isMultinet ? .title : .normal),
                     TableCell(pod),
                     TableCell(String(event.count), role: .dim, sort: .number(Int64(event.count))),
                     TableCell(event.component.isEmpty ? "-" : event.component, role: .dim),
                     TableCell(event.message.oneLine)]
        let identity = "\(pod)\u{0}\(event.reason)\u{0}\(event.lastSeen ?? 0)\u{0}\(event.message)"
        return TableRow(id: .event(identity), cells: cells)
    }



    /// `namespace/name` of a record's pod, or a short container ID when the pod is unknown.
    public static func podName(of record: AttachmentRecord) -> String {
        if record.podName.isEmpty { return String(record.containerID.prefix(12)) }
        return record.podNamespace.isEmpty ? record.podName : "\(record.podNamespace)/\(record.podName)"
    }

    static func networkRow(_ network: NetworkRow, ascii: Bool) -> TableRow {
        let kind = network.kind == .networkAttachmentDefinition ? "NAD" : network.kind.rawValue
        let usable = network.usable ? StateBadge.ok("usable", ascii: ascii)
            : StateBadge.failed(network.problem ?? "unusable", ascii: ascii)
        let cells = [TableCell(network.name),
                     TableCell(network.namespace ?? "-", role: network.namespace == nil ? .dim : .normal),
                     TableCell(kind, role: .dim),
                     TableCell(network.plugin ?? "-"),
                     TableCell(network.cniVersion ?? "-", role: .dim),
                     TableCell(String(network.attachmentCount), sort: .number(Int64(network.attachmentCount))),
                     TableCell(usable.text, role: usable.role)]
        return TableRow(id: .network(kind: network.kind, namespace: network.namespace, name: network.name),
                        cells: cells, network: network)
    }

    static func podRows(_ pod: PodRow, now: Int64, ascii: Bool) -> [TableRow] {
        let name = "\(pod.namespace)/\(pod.name)"
        if let node = pod.node, pod.attachments.isEmpty, let status = pod.status, !status.isEmpty {
            return reportedRows(pod, node: node, status: status)
        }
        guard !pod.attachments.isEmpty else {
            let none = TableCell("- none", role: .dim)
            let dash = TableCell("-", role: .dim)
            return [TableRow(id: .pod(containerID: pod.containerID),
                             cells: [TableCell(name), dash, dash, dash, dash, none, dash, dash])]
        }
        return zip(pod.attachments, pod.addresses).map { record, addresses in
            let ips = addresses.ips
            let badge = StateBadge.of(record.state, ascii: ascii)
            let cells = [TableCell(name),
                         TableCell(record.qualifiedNetwork),
                         TableCell(record.interfaceLabel),
                         TableCell(ips.isEmpty ? "-" : ips.joined(separator: ","), role: ips.isEmpty ? .dim : .normal),
                         TableCell(addresses.mac ?? "-", role: .dim),
                         TableCell(badge.text, role: badge.role),
                         TableCell(TimeFormat.age(since: record.updatedAt, now: now), role: .dim,
                                   sort: .number(-record.updatedAt)),
                         TableCell(TimeFormat.duration(ms: record.lastDurationMs), role: .dim,
                                   sort: .number(record.lastDurationMs ?? -1))]
            return TableRow(id: .attachment(AttachmentKey(record)), cells: cells, record: record)
        }
    }

    /// `--all-nodes`: one row per interface the pod's `network-status` reports, the node
    /// in the STATE column.
    static func reportedRows(_ pod: PodRow, node: String, status: [ObservedPod.StatusEntry]) -> [TableRow] {
        let name = "\(pod.namespace)/\(pod.name)"
        return status.map { entry in
            let dash = TableCell("-", role: .dim)
            let cells = [TableCell(name), TableCell(entry.name), TableCell(entry.interface),
                         TableCell(entry.ips.isEmpty ? "-" : entry.ips.joined(separator: ","), role: entry.ips.isEmpty ? .dim : .normal),
                         TableCell(entry.mac ?? "-", role: .dim), TableCell("on \(node)", role: .normal), dash, dash]
            return TableRow(id: .reported(pod: name, interface: entry.interface), cells: cells)
        }
    }

    static func failureRow(_ record: AttachmentRecord, now: Int64) -> TableRow {
        let operation = record.state == .delFailed ? "del" : "add"
        let error = (record.error ?? "(no message)").oneLine
        let cells = [TableCell(podName(of: record)),
                     TableCell(record.qualifiedNetwork),
                     TableCell(record.ifName),
                     TableCell(operation, role: .failed),
                     TableCell(error, role: .failed),
                     TableCell(String(record.attempts), sort: .number(Int64(record.attempts))),
                     TableCell(TimeFormat.age(since: record.updatedAt, now: now), role: .dim,
                               sort: .number(-record.updatedAt))]
        return TableRow(id: .attachment(AttachmentKey(record)), cells: cells, record: record)
    }
}
