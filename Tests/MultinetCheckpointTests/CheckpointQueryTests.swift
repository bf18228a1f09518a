import Foundation
import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint

@Suite("Checkpoint store: queries and exact bytes")
struct CheckpointQueryTests {
    @Test("attachments come back ordered by position and filtered by key")
    func orderingByPosition() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            for (ifName, position) in [("net2", 2), ("eth0", 0), ("net10", 10), ("net1", 1)] {
                try store.recordAddStarted(.fixture(containerID: "b", ifName: ifName, position: position))
            }
            try store.recordAddStarted(.fixture(containerID: "b", runtimeIfName: "eth1", ifName: "eth1"))
            try store.recordAddStarted(.fixture(containerID: "a", ifName: "eth0"))

            let pod = try store.attachments(containerID: "b", runtimeIfName: "eth0")
            #expect(pod.map { $0.position } == [0, 1, 2, 10])
            #expect(pod.map { $0.ifName } == ["eth0", "net1", "net2", "net10"])
            #expect(pod.map { $0.isDefault } == [true, false, false, false])

            #expect(try store.attachments(containerID: "b").map(\.runtimeIfName) == ["eth0", "eth0", "eth0", "eth0", "eth1"])
            let all = try store.allAttachments()
            #expect(all.map { "\($0.containerID)/\($0.runtimeIfName)/\($0.ifName)" } == [
                "a/eth0/eth0", "b/eth0/eth0", "b/eth0/net1", "b/eth0/net2", "b/eth0/net10", "b/eth1/eth1",
            ])
            #expect(try store.attachments(containerID: "zzz").isEmpty)
            #expect(try store.attachment(containerID: "b", runtimeIfName: "eth0", ifName: "missing") == nil)
        }
    }

    @Test("failedAttachments lists failed ADDs and DELs only")
    func failedAttachments() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            let containers = ["adding", "attached", "addFailed", "deleting", "delFailed"]
            for container in containers {
                try store.recordAddStarted(.fixture(containerID: container))
            }
            try store.recordAddSucceeded(containerID: "attached", runtimeIfName: "eth0", ifName: "eth0", result: [], durationMs: 1)
            try store.recordAddFailed(containerID: "addFailed", runtimeIfName: "eth0", ifName: "eth0", error: "e1", durationMs: 1)
            try store.recordDelStarted(containerID: "deleting", runtimeIfName: "eth0", ifName: "eth0")
            try store.recordDelStarted(containerID: "delFailed", runtimeIfName: "eth0", ifName: "eth0")
            try store.recordDelFailed(containerID: "delFailed", runtimeIfName: "eth0", ifName: "eth0", error: "e2", durationMs: 1)

            let states = Dictionary(uniqueKeysWithValues: try store.allAttachments().map { ($0.containerID, $0.state.rawValue) })
            #expect(states == ["adding": "adding", "attached": "attached", "addFailed": "add_failed",
                               "deleting": "deleting", "delFailed": "del_failed"])
            let failed = try store.failedAttachments()
            #expect(failed.map(\.containerID) == ["addFailed", "delFailed"])
            #expect(failed.map { $0.error } == ["e1", "e2"])
            #expect(failed.allSatisfy { $0.state.isFailure })
        }
    }

    /// Byte strings that text handling would damage.
    static let byteCases: [ByteCase] = {
        let everyByte: [UInt8] = (0...255).map { UInt8($0) }
        let oneMiB: [UInt8] = (0..<(1 << 20)).map { (index: Int) -> UInt8 in UInt8(truncatingIfNeeded: (index &* 2_654_435_761) >> 7) }
        return [
            ByteCase("empty", []),
            ByteCase("NUL only", [0]),
            ByteCase("invalid UTF-8", [0xFF, 0xFE, 0x00, 0x80, 0xC3, 0x28, 0xED, 0xA0, 0x80]),
            ByteCase("every byte value", everyByte + everyByte.reversed()),
            ByteCase("JSON with NUL inside", Array("{\"a\":\"x\u{0}y\"}".utf8)),
            ByteCase("one MiB", oneMiB),
        ]
    }()

    @Test("config and result bytes round-trip exactly", arguments: byteCases)
    func exactBytes(byteCase: ByteCase) throws {
        let name = byteCase.name
        let bytes = byteCase.bytes
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            do {
                let store = try CheckpointStore(directory: directory)
                try store.recordAddStarted(.fixture(config: bytes))
                try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: bytes.reversed(), durationMs: 1)
            }
            // A second process (store) reads what the first wrote.
            let stored = try #require(try CheckpointStore(directory: directory).allAttachments().first)
            #expect(stored.config == bytes, "\(name)")
            #expect(stored.result == bytes.reversed(), "\(name)")
        }
    }

    @Test("text fields round-trip exactly, including non-ASCII and quotes")
    func exactText() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            var record = AttachmentRecord.fixture(containerID: "ctr'; DROP TABLE attachments; --")
            record.podName = "pöd-ünïcode-🙂"
            record.netns = ""
            record.cniArgs = "K8S_POD_NAME=a=b;X=\"quoted\""
            try store.recordAddStarted(record)
            let stored = try #require(try store.allAttachments().first)
            #expect(stored.containerID == record.containerID)
            #expect(stored.podName == record.podName)
            #expect(stored.netns == "")
            #expect(stored.cniArgs == record.cniArgs)
        }
    }

    @Test("a stored value this version does not understand is reported, not guessed")
    func unknownState() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            try store.recordAddStarted(.fixture())
            try store.connection.execute("UPDATE attachments SET state = 'zombie'")
            #expect(throws: CheckpointError.invalidValue(path: store.path, column: "attachments.state", value: "zombie")) {
                try store.allAttachments()
            }
        }
    }
}

/// A named byte string; named in test output instead of printing the bytes.
struct ByteCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]

    init(_ name: String, _ bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    var testDescription: String {
        "\(name) (\(bytes.count) bytes)"
    }
}
