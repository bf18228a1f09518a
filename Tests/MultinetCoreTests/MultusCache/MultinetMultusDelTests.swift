import Foundation
import MultinetTestSupport
import Testing
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetJSON
@testable import MultinetPlanning

/// DEL of containers multinet has no record of, with Multus's cache entry for them: in
/// process, with fake delegates and a real cache directory.
@Suite("multinet DEL of pods Multus attached (in-process, fake delegates)")
struct MultinetMultusDelTests {
    static let id = MultusSample.containerID

    /// A fixture whose configuration names a cache directory holding the sample entry and
    /// its results files, and whose conf dir has a default network `podnet` (plugin `ptp`).
    final class Node {
        let fixture: MultinetFixture
        var cniDir: String { fixture.root + "/multus" }
        var cache: MultusCacheDirectory { MultusCacheDirectory(path: cniDir) }
        var entryPath: String { cniDir + "/" + MultinetMultusDelTests.id }

        init(entry: String? = MultusSample.cacheEntry) throws {
            fixture = try MultinetFixture()
            fixture.executor.install("ptp")
            try fixture.write("10-podnet.conflist", #"{"cniVersion":"1.0.0","name":"podnet","plugins":[{"type":"ptp"}]}"#)
            try FileManager.default.createDirectory(atPath: cniDir + "/results", withIntermediateDirectories: true)
            if let entry { try entry.write(toFile: entryPath, atomically: false, encoding: .utf8) }
            for (network, ifName, text) in [("dflt", "eth0", MultusSample.dfltResultsFile),
                                            ("storage", "net1", MultusSample.storageResultsFile),
                                            ("backend", "data0", MultusSample.backendResultsFile)] {
                try text.write(toFile: resultsPath(network, ifName), atomically: false, encoding: .utf8)
            }
        }

        func resultsPath(_ network: String, _ ifName: String) -> String {
            cniDir + "/results/" + MultusCacheFixtures.resultsFileName(network: network, containerID: MultinetMultusDelTests.id, ifName: ifName)
        }

        func request(extra: String = "") throws -> CNIRequest {
            try fixture.request(.del, container: MultinetMultusDelTests.id, extra: #","cniDir":"\#(cniDir)""# + extra,
                                args: MultusSample.cniArgs)
        }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
    }

    @Test("every delegate of the sample entry is torn down, last first, as Multus would; the entry and its results files go")
    func sample() async throws {
        let node = try Node()
        try await node.fixture.plugin.del(node.request())
        #expect(node.fixture.executor.trace == ["bridge DEL data0", "bridge DEL net1", "bridge DEL eth0"])
        let calls = node.fixture.executor.calls
        let expectedArgs = "IgnoreUnknown=true;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0;K8S_POD_INFRA_CONTAINER_ID=\(Self.id);K8S_POD_UID=00000000-0000-0000-0000-00000000a0b1;" + MultusSample.cniArgs
        #expect(calls.allSatisfy { $0.environment["CNI_ARGS"] == expectedArgs })
        #expect(calls.allSatisfy { $0.environment["CNI_CONTAINERID"] == Self.id })
        #expect(calls.allSatisfy { $0.environment["CNI_NETNS"] == "/var/run/netns/\(Self.id)" })
        #expect(calls.allSatisfy { $0.environment["CNI_PATH"] == "/fake/bin:/fake/bin" })
        // Each gets the configuration Multus sent, with libcni's cached result as prevResult.
        #expect(calls.map { $0.stdin["bridge"]?.stringValue } == ["mub89372", "mub89371", "mub89370"])
        #expect(calls.map { $0.stdin["name"]?.stringValue } == ["backend", "storage", "dflt"])
        #expect(calls.map { $0.stdin["prevResult"]?["ips"]?.arrayValue?.first?["address"]?.stringValue }
            == ["10.236.2.2/24", "10.236.1.2/24", "10.236.0.2/24"])
        #expect(!node.exists(node.entryPath))
        #expect(!node.exists(node.resultsPath("dflt", "eth0")))
        #expect(!node.exists(node.resultsPath("storage", "net1")))
        #expect(!node.exists(node.resultsPath("backend", "data0")))
        #expect(node.exists(node.cniDir + "/results"))
        // Nothing is recorded in multinet's store, and the default network was not called.
        #expect(try node.fixture.store().allAttachments().isEmpty)

        // A second DEL finds nothing of Multus's: the default network's best-effort DEL, success.
        try await node.fixture.plugin.del(node.request())
        #expect(node.fixture.executor.trace.dropFirst(3) == ["ptp DEL eth0"])
    }

    @Test("without a results file the delegate's DEL runs without prevResult")
    func withoutResults() async throws {
        let node = try Node()
        try FileManager.default.removeItem(atPath: node.resultsPath("storage", "net1"))
        try "garbage".write(toFile: node.resultsPath("backend", "data0"), atomically: false, encoding: .utf8)
        try await node.fixture.plugin.del(node.request())
        #expect(node.fixture.executor.calls.map { $0.stdin["prevResult"] == nil } == [true, true, false])
        #expect(!node.exists(node.entryPath))
        // The unusable one is removed once its delegate is torn down, as libcni removes it.
        #expect(!node.exists(node.resultsPath("backend", "data0")))
    }

    @Test("a delegate whose DEL fails: the others are torn down, the error lists it with its code, the entry and its results file stay")
    func delegateFails() async throws {
        let node = try Node()
        node.fixture.executor.on("bridge") { call throws(CNIError) in
            if call.environment["CNI_IFNAME"] == "net1" { throw CNIError(code: 11, msg: "storage backend busy") }
            return []
        }
        await #expect {
            try await node.fixture.plugin.del(node.request())
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == 11
                && error.msg.contains("1 of 3 delegate(s) in Multus's cache entry \(node.entryPath) could not be torn down")
                && error.msg.contains("network \"default/storage\" on net1: storage backend busy")
        }
        #expect(node.fixture.executor.trace == ["bridge DEL data0", "bridge DEL net1", "bridge DEL eth0"])
        #expect(node.exists(node.entryPath))
        #expect(node.exists(node.resultsPath("storage", "net1")))
        #expect(!node.exists(node.resultsPath("backend", "data0")))
        #expect(!node.exists(node.resultsPath("dflt", "eth0")))

        // The runtime's retry finishes the job.
        node.fixture.executor.on("bridge") { _ throws(CNIError) in [] }
        try await node.fixture.plugin.del(node.request())
        #expect(!node.exists(node.entryPath))
        #expect(!node.exists(node.resultsPath("storage", "net1")))
    }

    @Test("an unreadable delegate is reported and never run; a plugin outside the bin dirs is refused; the rest is torn down")
    func unreadableDelegates() async throws {
        var elements = try #require(try JSONValue(parsing: MultusSample.cacheEntry).arrayValue)
        guard case .object(var storage) = elements[1], case .object(var backend) = elements[2] else {
            Issue.record("sample shape")
            return
        }
        storage["Bytes"] = .string("not base64!!")
        backend["Bytes"] = .string(MultusCacheFixtures.base64(#"{"cniVersion":"1.0.0","name":"backend","type":"canary"}"#))
        elements[1] = .object(storage)
        elements[2] = .object(backend)
        let node = try Node(entry: JSONValue.array(elements).jsonText)
        await #expect {
            try await node.fixture.plugin.del(node.request())
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == CNIErrorCode.teardownFailed
                && error.msg.contains("2 of 3 delegate(s)")
                && error.msg.contains("network \"default/storage\" on net1: \(node.entryPath): delegate 1 (\"default/storage\"): Bytes is not valid base64")
                && error.msg.contains("network \"default/backend\" on data0: failed to find plugin \"canary\"")
        }
        #expect(node.fixture.executor.trace == ["bridge DEL eth0"])
        #expect(node.exists(node.entryPath))
    }

    static let foreign: [(String, String)] = [
        ("truncated", String(MultusSample.cacheEntry.prefix(700))),
        ("not JSON", "hello"),
        ("the wrong shape", #"{"delegates":[]}"#),
        ("empty", ""),
    ]

    @Test("a file that is not a Multus entry is left in place; the default network is torn down and the DEL succeeds",
          arguments: foreign.map(\.0))
    func notAnEntry(name: String) async throws {
        let text = try #require(Self.foreign.first { $0.0 == name }?.1)
        let node = try Node(entry: text)
        try await node.fixture.plugin.del(node.request())
        #expect(node.fixture.executor.trace == ["ptp DEL eth0"])
        #expect(try String(contentsOfFile: node.entryPath, encoding: .utf8) == text)
    }

    @Test("an entry that is a symbolic link to a valid entry is never followed")
    func symlinkedEntry() async throws {
        let node = try Node(entry: nil)
        let elsewhere = node.fixture.root + "/elsewhere"
        try MultusSample.cacheEntry.write(toFile: elsewhere, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: node.entryPath, withDestinationPath: elsewhere)
        try await node.fixture.plugin.del(node.request())
        #expect(node.fixture.executor.trace == ["ptp DEL eth0"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: node.entryPath) == elsewhere)
        #expect(node.exists(node.resultsPath("backend", "data0")))
    }

    @Test("no cache entry: the default network's best-effort DEL, as before")
    func noEntry() async throws {
        let node = try Node(entry: nil)
        try await node.fixture.plugin.del(node.request())
        #expect(node.fixture.executor.trace == ["ptp DEL eth0"])
    }

    @Test("cniDir is read from multinet's configuration; its default is Multus's")
    func configKey() throws {
        #expect(MultinetConfig(cniVersion: .v1_0_0, name: "m").cniDir == "/var/lib/cni/multus")
        let parsed = try MultinetConfig(parsing: Array(#"{"cniVersion":"1.0.0","type":"multinet","cniDir":"/run/multus-cache"}"#.utf8))
        #expect(parsed.cniDir == "/run/multus-cache")
        #expect(throws: ConfigError.self) {
            _ = try MultinetConfig(parsing: Array(#"{"cniVersion":"1.0.0","type":"multinet","cniDir":"relative/dir"}"#.utf8))
        }
    }
}
