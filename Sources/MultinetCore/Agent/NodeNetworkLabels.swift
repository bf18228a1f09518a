import MultinetJSON
import MultinetSystem

/// The node labels that say which networks a node can serve (the agent's
/// `--publish-node-labels`): `net.multinet.dev/<namespace>.<name>: "true"` for every
/// NetworkAttachmentDefinition or alpha Network usable on the node. Pure: which networks
/// are usable comes in; the labels to set and the merge patch that gets the node there
/// come out.
public enum NodeNetworkLabels {
    /// The label prefix; every label with it belongs to multinet.
    public static let prefix = "net.multinet.dev/"
    /// The longest label name (the part after the prefix) Kubernetes accepts.
    public static let maximumNameLength = 63
    /// The value of every label.
    public static let value = "true"

    /// The label key of network `namespace/name`: `net.multinet.dev/<namespace>.<name>`,
    /// or, when that name part is longer than 63 characters, its first characters and a
    /// stable 64-bit FNV-1a hash of `namespace/name` (16 hex digits), so long names get
    /// distinct, valid, reproducible keys.
    public static func key(namespace: String, name: String) -> String {
        let full = "\(namespace).\(name)"
        guard full.count > maximumNameLength else { return prefix + full }
        let hash = hexHash("\(namespace)/\(name)")
        var head = Substring(full.prefix(maximumNameLength - hash.count - 1))
        while let last = head.last, !(last.isASCII && (last.isLetter || last.isNumber)) { head = head.dropLast() }
        return prefix + (head.isEmpty ? "h" : head) + "-" + hash
    }

    /// The labels for the usable networks, by `(namespace, name)`.
    public static func desired(usable: some Sequence<(namespace: String, name: String)>) -> [String: String] {
        var labels: [String: String] = [:]
        for network in usable { labels[key(namespace: network.namespace, name: network.name)] = value }
        return labels
    }

    /// The JSON merge patch that turns the node's `current` labels into ones with exactly
    /// `desired` among multinet's (labels without the prefix are never touched): `nil`
    /// when nothing would change, so an unchanged node is not patched.
    public static func patch(current: [String: String], desired: [String: String]) -> JSONValue? {
        var changes: [(String, JSONValue)] = []
        for key in desired.keys.sorted() where current[key] != desired[key] {
            changes.append((key, .string(desired[key]!)))
        }
        for key in current.keys.sorted() where key.hasPrefix(prefix) && desired[key] == nil {
            changes.append((key, .null))
        }
        guard !changes.isEmpty else { return nil }
        let labels = JSONValue.object(JSONObject(changes.sorted { $0.0 < $1.0 }))
        return .object(JSONObject([("metadata", .object(JSONObject([("labels", labels)])))]))
    }

    /// 64-bit FNV-1a of `text`'s UTF-8, as 16 lowercase hex digits.
    static func hexHash(_ text: String) -> String { FNV1a.hex64(text) }
}
