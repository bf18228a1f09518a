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
