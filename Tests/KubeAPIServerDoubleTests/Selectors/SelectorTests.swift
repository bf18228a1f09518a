import Testing
@testable import KubeAPIServerDouble

@Suite("Label and field selectors")
struct SelectorTests {
    static let labels = ["app": "web", "tier": "front", "version": "3"]

    @Test("label selectors", arguments: [
        ("", true),
        ("app=web", true),
        ("app==web", true),
        ("app=db", false),
        ("app!=db", true),
        ("app!=web", false),
        ("missing!=x", true),
        ("app in (web,db)", true),
        ("app in (db)", false),
        ("app notin (db, cache)", true),
        ("tier notin (front)", false),
        ("missing notin (x)", true),
        ("app", true),
        ("missing", false),
        ("!missing", true),
        ("!app", false),
        ("app=web,tier=front", true),
        ("app=web,tier=back", false),
        ("app in (web,db),tier", true),
        ("version>2", true),
        ("version<3", false),
        ("app= web ", true),
    ])
    func labelSelector(selector: String, matches: Bool) throws {
        #expect(try LabelSelector.parse(selector).matches(Self.labels) == matches)
    }

    @Test("malformed label selectors are bad requests", arguments: [
        "app=-bad-", "a b", "app in web", ",", "app in (x,y", "=x",
    ])
    func badLabelSelector(selector: String) {
        let error = #expect(throws: APIStatusError.self) { try LabelSelector.parse(selector) }
        #expect(error?.code == 400)
    }

    static let pod: KubeJSON = [
        "metadata": ["name": "web", "namespace": "default"],
        "spec": ["nodeName": "node-a", "hostNetwork": false],
        "status": ["phase": "Running"],
    ]

    @Test("field selectors on pods", arguments: [
        ("spec.nodeName=node-a", true),
        ("spec.nodeName==node-a", true),
        ("spec.nodeName=node-b", false),
        ("spec.nodeName!=node-b", true),
        ("metadata.name=web,metadata.namespace=default", true),
        ("metadata.name=web,metadata.namespace=other", false),
        ("status.podIP=", true),
        ("spec.hostNetwork=false", true),
        ("status.phase=Running", true),
    ])
    func fieldSelector(selector: String, matches: Bool) throws {
        #expect(try FieldSelector.parse(selector, for: .pods).matches(Self.pod) == matches)
    }

    @Test("fields a resource does not index are rejected")
    func unsupportedField() {
        let error = #expect(throws: APIStatusError.self) {
            try FieldSelector.parse("spec.nodeName=node-a", for: .networkAttachmentDefinitions)
        }
        #expect(error?.code == 400)
        #expect(error?.message == "field label not supported: spec.nodeName")
    }
}
