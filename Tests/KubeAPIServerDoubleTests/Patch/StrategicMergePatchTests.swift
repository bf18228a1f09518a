import Testing
@testable import KubeAPIServerDouble

@Suite("Strategic merge patch")
struct StrategicMergePatchTests {
    static let pod = #"""
    {"metadata":{"name":"web","annotations":{"a":"1","b":"2"},"finalizers":["x"]},
     "spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"}]},{"name":"side","image":"side:1"}],
             "tolerations":[{"key":"k1"}]}}
    """#

    @Test("patches apply as kubectl sends them", arguments: [
        // maps merge; null removes
        (#"{"metadata":{"annotations":{"b":null,"c":"3"}}}"#,
         #"{"metadata":{"name":"web","annotations":{"a":"1","c":"3"},"finalizers":["x"]},"spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"}]},{"name":"side","image":"side:1"}],"tolerations":[{"key":"k1"}]}}"#),
        // containers merge by name, other fields of the container stay
        (#"{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"side"}],"containers":[{"image":"app:2","name":"app"}]}}"#,
         #"{"metadata":{"name":"web","annotations":{"a":"1","b":"2"},"finalizers":["x"]},"spec":{"containers":[{"name":"app","image":"app:2","env":[{"name":"A","value":"1"}]},{"name":"side","image":"side:1"}],"tolerations":[{"key":"k1"}]}}"#),
        // $setElementOrder reorders, a new element is added
        (#"{"spec":{"$setElementOrder/containers":[{"name":"new"},{"name":"side"},{"name":"app"}],"containers":[{"name":"new","image":"n:1"}]}}"#,
         #"{"metadata":{"name":"web","annotations":{"a":"1","b":"2"},"finalizers":["x"]},"spec":{"containers":[{"name":"new","image":"n:1"},{"name":"side","image":"side:1"},{"name":"app","image":"app:1","env":[{"name":"A","value":"1"}]}],"tolerations":[{"key":"k1"}]}}"#),
        // $patch: delete removes one element
        (#"{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}"#,
         #"{"metadata":{"name":"web","annotations":{"a":"1","b":"2"},"finalizers":["x"]},"spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"}]}],"tolerations":[{"key":"k1"}]}}"#),
        // lists without a merge key are replaced; finalizers are a union
        (#"{"metadata":{"finalizers":["y"]},"spec":{"tolerations":[{"key":"k2"}]}}"#,
         #"{"metadata":{"name":"web","annotations":{"a":"1","b":"2"},"finalizers":["x","y"]},"spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"}]},{"name":"side","image":"side:1"}],"tolerations":[{"key":"k2"}]}}"#),
        // $patch: replace on a map
        (#"{"metadata":{"annotations":{"$patch":"replace","z":"9"}}}"#,
         #"{"metadata":{"name":"web","annotations":{"z":"9"},"finalizers":["x"]},"spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"}]},{"name":"side","image":"side:1"}],"tolerations":[{"key":"k1"}]}}"#),
        // $deleteFromPrimitiveList
        (#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["x"]}}"#,
         #"{"metadata":{"name":"web","annotations":{"a":"1","b":"2"},"finalizers":[]},"spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"}]},{"name":"side","image":"side:1"}],"tolerations":[{"key":"k1"}]}}"#),
    ])
    func apply(patch: String, expected: String) throws {
        let result = try StrategicMergePatch.apply(try KubeJSON.parse(patch), to: try KubeJSON.parse(Self.pod))
        #expect(result == (try KubeJSON.parse(expected)))
    }

    @Test("an unknown $patch directive is a bad request")
    func unknownDirective() throws {
        #expect(throws: APIStatusError.self) {
            try StrategicMergePatch.apply(try KubeJSON.parse(#"{"metadata":{"$patch":"explode"}}"#), to: try KubeJSON.parse(Self.pod))
        }
    }
}
