import MultinetCore
import MultinetJSON
import Testing
@testable import MultinetInspector

@Suite("--once -o json")
struct OutputJSONTests {
    private func document() throws -> JSONObject {
        let text = SnapshotJSON.text(OutputFixtures.snapshot)
        #expect(text.hasSuffix("\n"))
        return try #require(try JSONValue(parsing: Array(text.utf8)).objectValue)
    }

    @Test("the document has the documented keys at every level")
    func contractKeys() throws {
        let root = try document()
        #expect(Set(["node", "networks", "pods", "failures"]).isSubset(of: Set(root.keys)))
        #expect(root["node"]?.stringValue == "node-a")
        let network = try #require(root["networks"]?.arrayValue?.first?.objectValue)
        #expect(Set(["name", "namespace", "kind", "plugin", "usable", "problem"]).isSubset(of: Set(network.keys)))
        #expect(network["namespace"] == .null)
        #expect(network["kind"]?.stringValue == "file")
        #expect(network["usable"] == .bool(true))
        let pods = try #require(root["pods"]?.arrayValue)
        let web = try #require(pods.last?.objectValue)
        #expect(Set(["namespace", "name", "uid", "containerID", "attachments"]).isSubset(of: Set(web.keys)))
        let attachment = try #require(web["attachments"]?.arrayValue?.last?.objectValue)
        #expect(Set(["network", "interface", "ips", "mac", "state", "error"]).isSubset(of: Set(attachment.keys)))
        #expect(attachment["ips"] == .array([.string("10.9.0.5/24"), .string("fd00::5/64")]))
        #expect(attachment["mac"]?.stringValue == "aa:bb:cc:dd:ee:01")
        #expect(attachment["network"]?.stringValue == "default/macnet")
        #expect(attachment["state"]?.stringValue == "del_failed")
        // How each came: an addition to the contract's keys.
        #expect(attachment["origin"]?.stringValue == "hotplug")
        #expect(web["attachments"]?.arrayValue?.first?.objectValue?["origin"]?.stringValue == "runtime")
    }

    @Test("a failed teardown is a failure with operation del, attempts and an RFC 3339 lastAttempt")
    func failures() throws {
        let failures = try #require(try document()["failures"]?.arrayValue)
        #expect(failures.count == 1)
        let failure = try #require(failures.first?.objectValue)
        #expect(Set(["containerID", "namespace", "pod", "network", "interface", "operation", "error", "attempts",
                     "lastAttempt"]).isSubset(of: Set(failure.keys)))
        #expect(failure["containerID"]?.stringValue == "c0ffee")
        #expect(failure["pod"]?.stringValue == "web")
        #expect(failure["interface"]?.stringValue == "net1")
        #expect(failure["operation"]?.stringValue == "del")
        #expect(failure["error"]?.stringValue == "plugin macvlan failed")
        #expect(failure["attempts"] == .number("2"))
        #expect(failure["lastAttempt"]?.stringValue == "2025-11-29T19:45:46.123Z")
    }

    @Test("drift has the contract's keys, since in RFC 3339 or null; kernel coverage and events are additions; node only with --all-nodes")
    func drift() throws {
        var snapshot = OutputFixtures.snapshot
        snapshot.drift = [
            DriftEntry(containerID: "c0ffee", namespace: "default", pod: "web", network: "default/macnet", interface: "net1",
                       kind: .interfaceMissing, detail: "interface net1 is not in netns /n", since: 951_782_400_007),
            DriftEntry(containerID: "c0ffee", namespace: "default", pod: "web", network: "", interface: "net9",
                       kind: .unrecordedInterface, detail: "interface net9 in netns /n is in no record"),
        ]
        snapshot.namespaces = ["/n": .present(links: [], addresses: [])]
        snapshot.events = [EventRow(namespace: "default", pod: "web", type: "Warning", reason: "MultinetAttachFailed",
                                    message: "boom", component: "multinet", count: 2, lastSeen: 0)]
        let root = try #require(try JSONValue(parsing: Array(SnapshotJSON.text(snapshot).utf8)).objectValue)
        let drift = (root["drift"]?.arrayValue ?? []).compactMap(\.objectValue)
        #expect(drift.count == 2)
        #expect(Set(drift[0].keys) == ["containerID", "namespace", "pod", "network", "interface", "kind", "detail", "since"])
        #expect(drift[0]["kind"]?.stringValue == "interface-missing")
        #expect(drift[0]["since"]?.stringValue == "2000-02-29T00:00:00.007Z")
        #expect(drift[1]["kind"]?.stringValue == "unrecorded-interface" && drift[1]["since"] == .null)
        #expect(root["kernel"] == .object(JSONObject([("read", .number("1")), ("unknown", .number("0"))])))
        let event = try #require(root["events"]?.arrayValue?.first?.objectValue)
        #expect(event["reason"]?.stringValue == "MultinetAttachFailed" && event["count"] == .number("2")
                && event["lastSeen"]?.stringValue == "1970-01-01T00:00:00.000Z")
        #expect(try document()["events"] == .null)
        #expect(try document()["drift"] == .array([]))
        #expect(root["pods"]?.arrayValue?.allSatisfy { $0["node"] == nil } == true)
        snapshot.pods[0].node = "node-b"
        let withNode = try #require(try JSONValue(parsing: Array(SnapshotJSON.text(snapshot).utf8)).objectValue)
        #expect(withNode["pods"]?.arrayValue?.first?["node"]?.stringValue == "node-b")
    }

    @Test("the apiserver's state is a top-level addition")
    func apiserver() throws {
        let apiserver = try #require(try document()["apiserver"]?.objectValue)
        #expect(apiserver["state"]?.stringValue == "unreachable")
        #expect(apiserver["error"]?.stringValue == "connection refused")
    }

    @Test("timestamps are RFC 3339 UTC with milliseconds")
    func timestamps() {
        #expect(Timestamp.rfc3339(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.rfc3339(milliseconds: 951_782_400_007) == "2000-02-29T00:00:00.007Z")
        #expect(Timestamp.age(milliseconds: 0, now: 90_000) == "90s")
        #expect(Timestamp.age(milliseconds: 0, now: 7_200_000) == "2h")
    }
}
