import Testing
@testable import KubeAPIServerDouble

@Suite("JSON patch (RFC 6902)")
struct JSONPatchTests {
    static let document = #"{"metadata":{"name":"web","annotations":{"a/b":"1"}},"list":[1,2]}"#

    @Test("operations", arguments: [
        (#"[{"op":"add","path":"/metadata/labels","value":{"x":"y"}}]"#,
         #"{"metadata":{"name":"web","annotations":{"a/b":"1"},"labels":{"x":"y"}},"list":[1,2]}"#),
        (#"[{"op":"replace","path":"/metadata/annotations/a~1b","value":"2"}]"#,
         #"{"metadata":{"name":"web","annotations":{"a/b":"2"}},"list":[1,2]}"#),
        (#"[{"op":"remove","path":"/list/0"}]"#, #"{"metadata":{"name":"web","annotations":{"a/b":"1"}},"list":[2]}"#),
        (#"[{"op":"add","path":"/list/-","value":3}]"#, #"{"metadata":{"name":"web","annotations":{"a/b":"1"}},"list":[1,2,3]}"#),
        (#"[{"op":"test","path":"/metadata/name","value":"web"},{"op":"copy","from":"/metadata/name","path":"/n"}]"#,
         #"{"metadata":{"name":"web","annotations":{"a/b":"1"}},"list":[1,2],"n":"web"}"#),
        (#"[{"op":"move","from":"/list","path":"/moved"}]"#, #"{"metadata":{"name":"web","annotations":{"a/b":"1"}},"moved":[1,2]}"#),
    ])
    func operations(patch: String, expected: String) throws {
        let result = try JSONPatch.apply(try KubeJSON.parse(patch), to: try KubeJSON.parse(Self.document))
        #expect(result == (try KubeJSON.parse(expected)))
    }

    @Test("operations that do not apply fail with 422", arguments: [
        #"[{"op":"test","path":"/metadata/name","value":"other"}]"#,
        #"[{"op":"replace","path":"/missing","value":1}]"#,
        #"[{"op":"remove","path":"/list/5"}]"#,
    ])
    func failures(patch: String) throws {
        let error = #expect(throws: APIStatusError.self) {
            try JSONPatch.apply(try KubeJSON.parse(patch), to: try KubeJSON.parse(Self.document))
        }
        #expect(error?.code == 422)
    }
}
