import MultinetCheckpoint
import MultinetCore
import MultinetJSON

/// The `--once -o json` document (README, "The inspector"), a pure function of the snapshot.
///
/// Contract keys: `node`; `networks[]` (`name`, `namespace`, `kind`, `plugin`, `usable`,
/// `problem`); `pods[]` (`namespace`, `name`, `uid`, `containerID`, `attachments[]` with
/// `network`, `interface`, `ips` with prefix lengths, `mac`, `state`, `error`);
/// `failures[]` (`containerID`, `namespace`, `pod`, `network`, `interface`, `operation`
/// `add`/`del`, `error`, `attempts`, `lastAttempt`). `lastAttempt` is RFC 3339 UTC with
/// milliseconds (`2026-11-29T19:45:46.123Z`). Attachment `state` is the store's state
/// (`adding`, `attached`, `add_failed`, `deleting`, `del_failed`); `network` is
/// `namespace/name` for network objects and the bare name for files.
///
/// Additions: top-level `context`, `apiserver` (`state`: `reachable` | `unreachable` |
/// `notConfigured`, `server`, `error`), `store` (`path`, `problem`), `readOnly`,
/// `refreshedAt` (RFC 3339); networks' `cniVersion` and `attachments` (a count); pods'
/// `existsInCluster`; attachments' `default`, `createdAt`; failures' `lastAttemptMs` and
/// `lastDurationMs`.
///
/// `drift[]` (README, "Drift"): `containerID`, `namespace`, `pod`, `network`, `interface`,
/// `kind` (`pod-gone`, `netns-gone`, `interface-missing`, `address-mismatch`,
/// `mac-mismatch`, `unrecorded-interface`, `status-mismatch`, `network-gone`), `detail`,
/// `since` (RFC 3339 or `null`). Additions: `kernel` (`read`, `unknown`: how many recorded
/// netns the kernel could and could not be asked about), `events[]` (`namespace`, `pod`,
/// `type`, `reason`, `message`, `component`, `count`, `lastSeen`; `null` when not listed);
/// with `--all-nodes` each pod has `node`.
public enum SnapshotJSON {
    /// The document as a JSON value.
    public static func document(_ snapshot: InspectorSnapshot) -> JSONValue {
        let header = snapshot.header
        return object([
            ("node", .string(header.node)),
            ("context", optional(header.context)),
            ("apiserver", apiserver(header.apiserver)),
            ("store", object([("path", .string(header.storePath)), ("problem", optional(header.storeProblem))])),
            ("readOnly", .bool(header.readOnly)),
            ("allNodes", .bool(header.allNodes)),
            ("refreshedAt", .string(Timestamp.rfc3339(milliseconds: header.refreshedAt))),
            ("networks", .array(snapshot.networks.map(network))),
            ("pods", .array(snapshot.pods.map(pod))),
            ("failures", .array(snapshot.failures.map(failure))),
            ("drift", .array(snapshot.drift.map(drift))),
            ("kernel", object([("read", .number(String(snapshot.kernelCoverage.read))),
                               ("unknown", .number(String(snapshot.kernelCoverage.unknown)))])),
            ("events", snapshot.events.map { .array($0.map(event)) } ?? .null),
        ])
    }

    static func drift(_ entry: DriftEntry) -> JSONValue {
        object([
            ("containerID", .string(entry.containerID)), ("namespace", .string(entry.namespace)),
            ("pod", .string(entry.pod)), ("network", .string(entry.network)), ("interface", .string(entry.interface)),
            ("kind", .string(entry.kind.rawValue)), ("detail", .string(entry.detail)),
            ("since", entry.since.map { .string(Timestamp.rfc3339(milliseconds: $0)) } ?? .null),
        ])
    }

    static func event(_ row: EventRow) -> JSONValue {
        object([
            ("namespace", .string(row.namespace)), ("pod", .string(row.pod)), ("type", .string(row.type)),
            ("reason", .string(row.reason)), ("message", .string(row.message)), ("component", .string(row.component)),
            ("count", .number(String(row.count))),
            ("lastSeen", row.lastSeen.map { .string(Timestamp.rfc3339(milliseconds: $0)) } ?? .null),
        ])
    }

    /// The document as text, one line, with a trailing newline.
    public static func text(_ snapshot: InspectorSnapshot) -> String {
        document(snapshot).jsonText + "\n"
    }

    static func apiserver(_ state: APIServerState) -> JSONValue {
        switch state {
        case .notConfigured:
            object([("state", .string("notConfigured")), ("server", .null), ("error", .null)])
        case .reachable(let server):
            object([("state", .string("reachable")), ("server", .string(server)), ("error", .null)])
        case .unreachable(let server, let error):
            object([("state", .string("unreachable")), ("server", .string(server)), ("error", .string(error))])
        }
    }

    static func network(_ row: NetworkRow) -> JSONValue {
        object([
            ("name", .string(row.name)), ("namespace", optional(row.namespace)), ("kind", .string(row.kind.rawValue)),
            ("plugin", optional(row.plugin)), ("usable", .bool(row.usable)), ("problem", optional(row.problem)),
            ("cniVersion", optional(row.cniVersion)), ("attachments", .number(String(row.attachmentCount))),
        ])
    }

    static func pod(_ row: PodRow) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("namespace", .string(row.namespace)), ("name", .string(row.name)), ("uid", .string(row.uid)),
            ("containerID", .string(row.containerID)),
            ("existsInCluster", row.existsInCluster.map(JSONValue.bool) ?? .null),
            ("attachments", .array(row.attachments.map(attachment))),
        ]
        if let node = row.node {
            pairs.insert(("node", .string(node)), at: 2)
            if row.attachments.isEmpty { pairs[pairs.count - 1].1 = .array((row.status ?? []).map(reported)) }
        }
        return object(pairs)
    }

    static func attachment(_ record: AttachmentRecord) -> JSONValue {
        let addresses = AttachmentAddresses(record)
        return object([
            ("network", .string(record.qualifiedNetwork)), ("interface", .string(record.ifName)),
            ("ips", .array(addresses.ips.map(JSONValue.string))), ("mac", optional(addresses.mac)),
            ("state", .string(record.state.rawValue)), ("error", optional(record.error)),
            ("default", .bool(record.isDefault)), ("origin", .string(record.origin.rawValue)),
            ("createdAt", .string(Timestamp.rfc3339(milliseconds: record.createdAt))),
        ])
    }

    /// An interface from `network-status` (`--all-nodes`): no store state, so `state` and
    /// `error` are `null`; `ips` as the status gives them.
    static func reported(_ entry: ObservedPod.StatusEntry) -> JSONValue {
        object([
            ("network", .string(entry.name)), ("interface", .string(entry.interface)),
            ("ips", .array(entry.ips.map(JSONValue.string))), ("mac", optional(entry.mac)),
            ("state", .null), ("error", .null), ("default", .bool(entry.isDefault)), ("origin", .null),
        ])
    }

    static func failure(_ record: AttachmentRecord) -> JSONValue {
        object([
            ("containerID", .string(record.containerID)), ("namespace", .string(record.podNamespace)),
            ("pod", .string(record.podName)), ("network", .string(record.qualifiedNetwork)),
            ("interface", .string(record.ifName)), ("operation", .string(operation(record))),
            ("error", optional(record.error)), ("attempts", .number(String(record.attempts))),
            ("lastAttempt", .string(Timestamp.rfc3339(milliseconds: record.updatedAt))),
            ("lastAttemptMs", .number(String(record.updatedAt))),
            ("lastDurationMs", record.lastDurationMs.map { .number(String($0)) } ?? .null),
        ])
    }

    /// `add` for a failed ADD, `del` for a failed teardown.
    static func operation(_ record: AttachmentRecord) -> String {
        record.state == .delFailed ? "del" : "add"
    }

    private static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(pairs))
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
