import Testing
@testable import KubeAPIServerDouble

@Suite("KubeJSON")
struct JSONTests {
    @Test("serialising parsed text gives the same text", arguments: [
        #"{"b":1,"a":[true,false,null],"c":{"x":"y"}}"#,
        #"{"n":1.50,"big":10000000000000000000,"neg":-0.5e-3}"#,
        #"["\u0001","\"\\\n\t","é😀"]"#,
        #"{}"#,
        #"[]"#,
    ])
    func roundTrip(text: String) throws {
        #expect(try KubeJSON.parse(text).serialized == text)
    }

    @Test("escapes are decoded", arguments: [
        (#""\u00e9""#, "é"),
        (#""\ud83d\ude00""#, "😀"),
        (#""a\/b""#, "a/b"),
        (#""\ud800x""#, "\u{FFFD}x"),
    ])
    func escapes(text: String, expected: String) throws {
        #expect(try KubeJSON.parse(text) == .string(expected))
    }

    @Test("malformed documents are rejected", arguments: [
        "", "{", #"{"a"}"#, #"{"a":1,}"#, "[1,]", "01", "1.", "-", "tru", #""abc"#, "{} x", "\"\u{01}\"", #""\x""#,
    ])
    func malformed(text: String) {
        #expect(throws: KubeJSONParseError.self) { try KubeJSON.parse(text) }
    }

    @Test("object equality ignores key order, keeps insertion order")
    func objectOrder() throws {
        let a = try KubeJSON.parse(#"{"x":1,"y":2}"#)
        let b = try KubeJSON.parse(#"{"y":2,"x":1}"#)
        #expect(a == b)
        #expect(b.objectValue?.keys == ["y", "x"])
        var object = b.objectValue!
        object["y"] = nil
        object["z"] = "new"
        #expect(KubeJSON.object(object).serialized == #"{"x":1,"z":"new"}"#)
    }

    @Test("paths read and write nested values")
    func paths() {
        var pod: KubeJSON = ["metadata": ["name": "web"]]
        #expect(pod.string(at: "metadata.name") == "web")
        pod.setValue("a", at: ["metadata", "annotations", "k8s.v1.cni.cncf.io/networks"])
        #expect(pod.value(at: ["metadata", "annotations", "k8s.v1.cni.cncf.io/networks"]) == "a")
        pod.setValue(nil, at: ["metadata", "name"])
        #expect(pod.value(at: "metadata.name") == nil)
        #expect(pod.value(at: "spec.nodeName") == nil)
    }
}
