import MultinetJSON
@testable import MultinetCore
import Testing

@Suite("Node network labels: keys, desired labels and the merge patch")
struct NodeNetworkLabelsTests {
    /// A Kubernetes label name: at most 63 characters, alphanumerics at both ends, and
    /// `-`, `_`, `.` between (apimachinery's `IsQualifiedName` for the part after the prefix).
    static func isValidLabelName(_ name: Substring) -> Bool {
        guard !name.isEmpty, name.count <= 63, let first = name.first, let last = name.last else { return false }
        let alnum: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return alnum(first) && alnum(last) && name.allSatisfy { alnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    static let long = String(repeating: "a", count: 60)

    @Test("keys are prefix + namespace.name, hashed only past 63 characters, always valid", arguments: [
        ("default", "macnet", "net.multinet.dev/default.macnet"),
        ("kube-system", "sriov-a", "net.multinet.dev/kube-system.sriov-a"),
        ("ns", String(repeating: "b", count: 60), "net.multinet.dev/ns." + String(repeating: "b", count: 60)),
    ])
    func shortKeys(namespace: String, name: String, expected: String) {
        let key = NodeNetworkLabels.key(namespace: namespace, name: name)
        #expect(key == expected)
        #expect(Self.isValidLabelName(key.dropFirst(NodeNetworkLabels.prefix.count)))
    }

    @Test("a name part over 63 characters gets a stable hash: valid, distinct, reproducible")
    func longKeys() {
        let a = NodeNetworkLabels.key(namespace: "team-a", name: Self.long + "-x")
        let b = NodeNetworkLabels.key(namespace: "team-a", name: Self.long + "-y")
        // A separator that looks the same once flattened: "a.b"/"c" against "a"/"b.c".
        let c = NodeNetworkLabels.key(namespace: "team-a." + Self.long, name: "y")
        let d = NodeNetworkLabels.key(namespace: "team-a", name: Self.long + ".y")
        for key in [a, b, c, d] {
            #expect(key.hasPrefix(NodeNetworkLabels.prefix))
            #expect(Self.isValidLabelName(key.dropFirst(NodeNetworkLabels.prefix.count)), "invalid label key \(key)")
        }
        #expect(Set([a, b, c, d]).count == 4)
        #expect(a == NodeNetworkLabels.key(namespace: "team-a", name: Self.long + "-x"))
        #expect(a.hasSuffix("-" + NodeNetworkLabels.hexHash("team-a/\(Self.long)-x")))
    }

    @Test("FNV-1a 64 matches its published test vectors")
    func hashVectors() {
        #expect(NodeNetworkLabels.hexHash("") == "cbf29ce484222325")
        #expect(NodeNetworkLabels.hexHash("a") == "af63dc4c8601ec8c")
        #expect(NodeNetworkLabels.hexHash("foobar") == "85944171f73967e8")
    }

    /// Each row: the node's labels, the usable networks, and the `metadata.labels` of the
    /// expected patch (`nil`: no patch at all).
    static let patchRows: [(String, [String: String], [(String, String)], String?)] = [
        ("nothing usable, nothing labelled: no patch", [:], [], nil),
        ("unchanged: no patch", ["net.multinet.dev/default.a": "true", "zone": "z1"], [("default", "a")], nil),
        ("a network becomes usable", ["zone": "z1"], [("default", "a")], #"{"net.multinet.dev/default.a":"true"}"#),
        ("a network stops being usable", ["net.multinet.dev/default.a": "true", "net.multinet.dev/default.b": "true"],
         [("default", "b")], #"{"net.multinet.dev/default.a":null}"#),
        ("a wrong value is corrected", ["net.multinet.dev/default.a": "false"], [("default", "a")],
         #"{"net.multinet.dev/default.a":"true"}"#),
        ("others' labels are never touched", ["zone": "z1", "example.com/net": "x"], [], nil),
        ("added and removed in one patch", ["net.multinet.dev/default.a": "true"], [("default", "b")],
         #"{"net.multinet.dev/default.a":null,"net.multinet.dev/default.b":"true"}"#),
    ]

    @Test("one merge patch per change, none when nothing changed", arguments: patchRows.indices)
    func patches(row: Int) throws {
        let (name, current, usable, expected) = Self.patchRows[row]
        let desired = NodeNetworkLabels.desired(usable: usable.map { (namespace: $0.0, name: $0.1) })
        let patch = NodeNetworkLabels.patch(current: current, desired: desired)
        guard let expected else {
            #expect(patch == nil, "\(name)")
            return
        }
        let labels = try #require(patch?["metadata"]?["labels"], "\(name)")
        #expect(labels == (try JSONValue(parsing: Array(expected.utf8))), "\(name)")
        // Applied, the patch gives exactly the desired labels among multinet's.
        var applied = current
        for (key, value) in labels.objectValue ?? JSONObject([]) {
            applied[key] = value.stringValue
        }
        #expect(applied.filter { $0.key.hasPrefix(NodeNetworkLabels.prefix) } == desired, "\(name)")
        #expect(NodeNetworkLabels.patch(current: applied, desired: desired) == nil, "\(name): a second pass patches again")
    }
}
