import Testing
@testable import KubeAPIServerDouble

/// Protobuf encoding for the tests (length-delimited and varint fields only).
enum Proto {
    static func field(_ number: Int, _ text: String) -> [UInt8] { field(number, Array(text.utf8)) }

    static func field(_ number: Int, _ bytes: [UInt8]) -> [UInt8] {
        varint(UInt64(number << 3 | 2)) + varint(UInt64(bytes.count)) + bytes
    }

    static func field(_ number: Int, varint value: UInt64) -> [UInt8] {
        varint(UInt64(number << 3)) + varint(value)
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            bytes.append(UInt8(value & 0x7F) | (value > 0x7F ? 0x80 : 0))
            value >>= 7
        } while value != 0
        return bytes
    }

    static func entry(_ key: String, _ value: String) -> [UInt8] { field(1, key) + field(2, value) }

    /// `k8s\0` + `runtime.Unknown{typeMeta, raw}`.
    static func envelope(apiVersion: String, kind: String, raw: [UInt8]) -> [UInt8] {
        [0x6B, 0x38, 0x73, 0x00] + field(1, field(1, apiVersion) + field(2, kind)) + field(2, raw)
    }
}

@Suite("Protobuf request bodies")
struct ProtobufBodyTests {
    @Test("a pod as kubectl run sends it")
    func pod() throws {
        let metadata = Proto.field(1, "nginx") + Proto.field(3, "team1") + Proto.field(11, Proto.entry("app", "web"))
            + Proto.field(11, Proto.entry("tier", "front")) + Proto.field(12, Proto.entry("note", "x"))
        let container = Proto.field(1, "nginx") + Proto.field(2, "nginx:1.27") + Proto.field(4, "sleep")
            + Proto.field(4, "10") + Proto.field(8, []) + Proto.field(99, "ignored")
        let spec = Proto.field(2, container) + Proto.field(3, "Never") + Proto.field(10, "node-a")
            + Proto.field(11, varint: 1) + Proto.field(4, varint: 30)
        let raw = Proto.field(1, metadata) + Proto.field(2, spec) + Proto.field(3, Proto.field(1, "Running"))
        let pod = try ProtobufBody.decode(Proto.envelope(apiVersion: "v1", kind: "Pod", raw: raw), for: .pods)
        #expect(pod == [
            "kind": "Pod", "apiVersion": "v1",
            "metadata": ["name": "nginx", "namespace": "team1", "labels": ["app": "web", "tier": "front"], "annotations": ["note": "x"]],
            "spec": [
                "containers": [["name": "nginx", "image": "nginx:1.27", "args": ["sleep", "10"], "resources": [:]]],
                "restartPolicy": "Never", "nodeName": "node-a", "hostNetwork": true, "terminationGracePeriodSeconds": 30,
            ],
        ])
    }

    @Test("a namespace")
    func namespace() throws {
        let raw = Proto.field(1, Proto.field(1, "team1") + Proto.field(14, "kubernetes"))
        let namespace = try ProtobufBody.decode(Proto.envelope(apiVersion: "v1", kind: "Namespace", raw: raw), for: .namespaces)
        #expect(namespace == ["kind": "Namespace", "apiVersion": "v1", "metadata": ["name": "team1", "finalizers": ["kubernetes"]]])
    }

    @Test("bodies that cannot be decoded", arguments: [
        ([0x01, 0x02], ServedResource.pods, 400),
        ([0x6B, 0x38, 0x73, 0x00, 0x0A, 0x05, 0x01], .pods, 400),
        (Proto.envelope(apiVersion: "k8s.cni.cncf.io/v1", kind: "NetworkAttachmentDefinition", raw: []), .networkAttachmentDefinitions, 415),
    ] as [([UInt8], ServedResource, Int)])
    func undecodable(body: [UInt8], resource: ServedResource, code: Int) {
        let error = #expect(throws: APIStatusError.self) { try ProtobufBody.decode(body, for: resource) }
        #expect(error?.code == code)
    }
}
