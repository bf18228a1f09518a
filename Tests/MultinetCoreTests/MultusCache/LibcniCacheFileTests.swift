import Foundation
import MultinetTestSupport
import Testing
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetJSON

@Suite("libcni's cached results under Multus's cache directory")
struct LibcniCacheFileTests {
    @Test("the sample's cached result becomes prevResult in the configuration's version")
    func sampleResult() throws {
        let bytes = Array(MultusSample.backendResultsFile.utf8)
        let current = try LibcniCacheFile.prevResult(parsing: bytes, as: .v1_0_0, source: "results/backend")
        #expect(current["cniVersion"] == .string("1.0.0"))
        #expect(current["ips"]?.arrayValue?.first?["address"] == .string("10.236.2.2/24"))
        #expect(current["interfaces"]?.arrayValue?.last?["mac"] == .string("02:00:00:00:00:2a"))
        let older = try LibcniCacheFile.prevResult(parsing: bytes, as: .v0_4_0, source: "results/backend")
        #expect(older["cniVersion"] == .string("0.4.0"))
        #expect(older["ips"]?.arrayValue?.first?["version"] == .string("4"))
    }

    @Test("a file from libcni before cniCacheV1 holds the bare result")
    func legacyResult() throws {
        let bare = try #require(try JSONValue(parsing: MultusSample.dfltResultsFile)["result"]).serialized()
        let result = try LibcniCacheFile.prevResult(parsing: bare, as: .v1_0_0, source: "results/dflt")
        #expect(result["ips"]?.arrayValue?.first?["address"] == .string("10.236.0.2/24"))
    }

    @Test("files that hold no usable result are refused, naming the file", arguments: [
        ("not JSON", "garbage", "results/x is not valid JSON"),
        ("cniCacheV1 without a result", #"{"kind":"cniCacheV1","containerId":"c1"}"#, "results/x holds no result"),
        ("a result that is not one", #"{"kind":"cniCacheV1","result":{"cniVersion":"1.0.0","ips":"many"}}"#, "results/x holds no valid result"),
        ("an unknown result version", #"{"kind":"cniCacheV1","result":{"cniVersion":"9.9.9"}}"#, "results/x holds no valid result"),
    ])
    func unusable(name: String, text: String, fragment: String) {
        #expect {
            _ = try LibcniCacheFile.prevResult(parsing: Array(text.utf8), as: .v1_0_0, source: "results/x")
        } throws: { error in
            CNIError(reporting: error).msg.contains(fragment)
        }
    }

    @Test("the file name libcni gives an attachment, and names that are never looked up")
    func names() {
        #expect(LibcniCacheFile.name(network: "storage", containerID: "c1", ifName: "net1") == "storage-c1-net1")
        #expect(LibcniCacheFile.name(network: "", containerID: "c1", ifName: "net1") == nil)
        #expect(LibcniCacheFile.name(network: "../../etc/x", containerID: "c1", ifName: "net1") == nil)
        #expect(LibcniCacheFile.name(network: "a\u{0}b", containerID: "c1", ifName: "net1") == nil)
        #expect(LibcniCacheFile.name(network: String(repeating: "n", count: 250), containerID: "c1", ifName: "net1") == nil)
    }
}
