import MultinetCore
import MultinetCheckpoint

/// The `--once` table output, a pure function of the snapshot: a header block, then
/// NETWORKS, PODS (one line per interface with every IP of that interface) and FAILURES,
/// each like `kubectl get -o wide`. No colour: it is meant for pipes and logs.
public enum SnapshotTables {
    /// The whole output.
    public static func text(_ snapshot: InspectorSnapshot) -> String {
        if snapshot.header.allNodes {
            var out = header(snapshot.header).map { $0 + "\n" }.joined()
            out += "\nPODS\n" + section(reportedPods(snapshot), empty: "no pod in the cluster has a network-status")
            return out
        }
        var out = header(snapshot).map { $0 + "\n" }.joined()
        out += "\nNETWORKS\n" + section(networks(snapshot), empty: "no networks found")
        out += "\nPODS\n" + section(pods(snapshot), empty: "no pods on this node")
        out += "\nFAILURES\n" + section(failures(snapshot), empty: "no failed attachments")
        out += "\nDRIFT\n" + section(drift(snapshot), empty: "no drift: the cluster, the store and the kernel agree")
        return out
    }

    /// The Drift table: one line per disagreement.
    public static func drift(_ snapshot: InspectorSnapshot) -> TextTable {
        let now = snapshot.header.refreshedAt
        return TextTable(headers: ["NAMESPACE", "POD", "CONTAINER", "NETWORK", "INTERFACE", "KIND", "SINCE", "DETAIL"],
                         rows: snapshot.drift.map { entry in
                             [entry.namespace, entry.pod, entry.containerID, entry.network, entry.interface,
                              entry.kind.rawValue, entry.since.map { Timestamp.age(milliseconds: $0, now: now) } ?? "",
                              entry.detail.oneLine]
                         })
    }

    /// The header lines with the kernel's coverage.
    public static func header(_ snapshot: InspectorSnapshot) -> [String] {
        var lines = header(snapshot.header)
        let coverage = snapshot.kernelCoverage
        if coverage.unknown > 0 {
            lines.insert("kernel:     \(coverage.read) netns read, \(coverage.unknown) unknown (reading a pod's netns needs root; no kernel drift is reported for them)",
                         at: lines.count - 1)
        } else {
            lines.insert("kernel:     \(coverage.read) netns read", at: lines.count - 1)
        }
        return lines
    }

    /// `key: value` lines: node, context, apiserver, store, refresh time, read-only.
    public static func header(_ header: InspectorHeader) -> [String] {
        var lines = [header.allNodes ? "nodes:      all (pods with a network-status, from the apiserver)" : "node:       \(header.node)"]
        if let context = header.context { lines.append("context:    \(context)") }
        switch header.apiserver {
        case .notConfigured: lines.append("apiserver:  not configured (no kubeconfig; showing the store and the conf dir only)")
        case .reachable(let server): lines.append("apiserver:  reachable \(server)")
        case .unreachable(let server, let error): lines.append("apiserver:  UNREACHABLE \(server): \(error)")
        }
        if !header.allNodes {
            lines.append("store:      \(header.storePath)" + (header.storeProblem.map { " (UNREADABLE: \($0))" } ?? ""))
        }
        lines.append("refreshed:  \(Timestamp.rfc3339(milliseconds: header.refreshedAt))" + (header.readOnly ? "   read-only" : ""))
        return lines
    }

    /// The Networks table.
    public static func networks(_ snapshot: InspectorSnapshot) -> TextTable {
        TextTable(headers: ["NAME", "NAMESPACE", "KIND", "PLUGIN", "CNIVERSION", "USABLE", "ATTACHMENTS", "PROBLEM"],
                  rows: snapshot.networks.map { row in
                      [row.name, row.namespace ?? "", row.kind.rawValue, row.plugin ?? "", row.cniVersion ?? "",
                       row.usable ? "yes" : "NO", String(row.attachmentCount), row.problem ?? ""]
                  })
    }

    /// `--all-nodes`: one line per interface each pod's `network-status` reports, with its node.
    public static func reportedPods(_ snapshot: InspectorSnapshot) -> TextTable {
        var rows: [[String]] = []
        for pod in snapshot.pods {
            for entry in pod.status ?? [] {
                rows.append([pod.namespace, pod.name, pod.node ?? "", entry.name, entry.interface,
                             entry.ips.joined(separator: ","), entry.mac ?? ""])
            }
        }
        return TextTable(headers: ["NAMESPACE", "POD", "NODE", "NETWORK", "INTERFACE", "IPS", "MAC"], rows: rows)
    }

    /// The Pods table: one line per interface; a pod without attachments gets one line.
    public static func pods(_ snapshot: InspectorSnapshot) -> TextTable {
        var rows: [[String]] = []
        for pod in snapshot.pods {
            let cluster = pod.existsInCluster.map { $0 ? "" : " (gone)" } ?? ""
            if pod.attachments.isEmpty {
                rows.append([pod.namespace, pod.name + cluster, pod.containerID, "", "", "", "", "no attachments recorded"])
            }
            for record in pod.attachments {
                let addresses = AttachmentAddresses(record)
                rows.append([pod.namespace, pod.name + cluster, pod.containerID, record.qualifiedNetwork, record.interfaceLabel,
                             addresses.ips.joined(separator: ","), addresses.mac ?? "", state(record)])
            }
        }
        return TextTable(headers: ["NAMESPACE", "POD", "CONTAINER", "NETWORK", "INTERFACE", "IPS", "MAC", "STATE"], rows: rows)
    }

    /// The Failures table, oldest first.
    public static func failures(_ snapshot: InspectorSnapshot) -> TextTable {
        let now = snapshot.header.refreshedAt
        return TextTable(headers: ["NAMESPACE", "POD", "CONTAINER", "NETWORK", "INTERFACE", "OPERATION", "ATTEMPTS",
                                   "LAST ATTEMPT", "AGE", "ERROR"],
                         rows: snapshot.failures.map { record in
                             [record.podNamespace, record.podName, record.containerID, record.qualifiedNetwork, record.ifName,
                              SnapshotJSON.operation(record), String(record.attempts),
                              Timestamp.rfc3339(milliseconds: record.updatedAt),
                              Timestamp.age(milliseconds: record.updatedAt, now: now), (record.error ?? "").oneLine]
                         })
    }

    /// A state word with a glyph, never colour alone.
    static func state(_ record: AttachmentRecord) -> String {
        switch record.state {
        case .attached: "ok attached"
        case .adding: "… adding"
        case .deleting: "… deleting"
        case .addFailed: "✗ add failed"
        case .delFailed: "✗ del failed"
        }
    }

    private static func section(_ table: TextTable, empty: String) -> String {
        table.rows.isEmpty ? "(\(empty))\n" : table.text
    }
}
