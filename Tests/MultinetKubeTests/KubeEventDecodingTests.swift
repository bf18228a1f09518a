import MultinetJSON
@testable import MultinetKubeAPI
import MultinetModel
import Testing

extension KubeTests {
    @Suite("Kubernetes Events as the inspector lists them")
    struct KubeEventDecodingTests {
        @Test("multinet's own warning decodes with its pod, component, count and time")
        func ownWarning() throws {
            let pod = PodReference(namespace: "default", name: "web", uid: "u-1")
            var object = try #require(KubeEvent.warning(about: pod, reason: "MultinetAttachFailed", message: "boom",
                                                        now: 1_764_000_000).objectValue)
            object["metadata"] = .object(JSONObject([("name", .string("web.1")), ("namespace", .string("default"))]))
            let event = try KubeEvent(json: object)
            #expect(event.involvedObject == .init(kind: "Pod", namespace: "default", name: "web", uid: "u-1"))
            #expect(event.component == "multinet")
            #expect(event.reason == "MultinetAttachFailed")
            #expect(event.count == 1)
            #expect(event.lastSeen == 1_764_000_000)
        }

        @Test("a newer event: eventTime and reportingComponent, no count, no lastTimestamp")
        func eventsV1Style() throws {
            let text = #"{"metadata":{"name":"e","namespace":"ns","creationTimestamp":"2026-01-01T00:00:00Z"},"involvedObject":{"kind":"Pod","name":"db"},"eventTime":"2026-01-01T00:00:05.500000Z","reportingComponent":"kubelet","reason":"Started","type":"Normal"}"#
            let event = try KubeEvent(json: try #require(try JSONValue(parsing: text).objectValue))
            #expect(event.component == "kubelet")
            #expect(event.count == 1)
            #expect(event.lastSeen == 1_767_225_605.5)
            #expect(event.involvedObject.namespace == nil)
            let bare = try KubeEvent(json: try #require(try JSONValue(parsing: #"{"metadata":{"name":"e"}}"#).objectValue))
            #expect(bare.lastSeen == nil && bare.component == nil && bare.involvedObject == .init())
        }
    }
}
