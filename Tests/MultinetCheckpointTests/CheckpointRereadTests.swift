import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint

/// `allAttachments(reusing:)`, the inspector's re-read: the same records as
/// `allAttachments()`, with unchanged rows' records reused rather than decoded again.
@Suite("Checkpoint store: reading again, reusing unchanged records")
struct CheckpointRereadTests {
    /// One kind of change between two reads, and how many records stay reusable.
    enum Change: String, CaseIterable, Sendable {
        case nothing
        case resultSameLength = "a result rewritten, same length, other bytes"
        case statusWriteError = "only the error of a status write (updated_at unchanged)"
        case retriedFailure = "a failed one failed again: attempts, error"
        case containerInserted = "a container inserted between others"
        case interfaceInserted = "an interface inserted inside a container"
        case removed = "one removed"
        case removedAndAppended = "two containers removed and one appended"
        case newConfig = "a record written again with a new config"

        var reusable: Int {
            switch self {
            case .nothing, .containerInserted, .interfaceInserted: 6
            case .resultSameLength, .statusWriteError, .retriedFailure, .removed, .newConfig: 5
            case .removedAndAppended: 4
            }
        }

        func apply(_ store: CheckpointStore) throws {
            switch self {
            case .nothing:
                break
            case .resultSameLength:
                try store.recordAddSucceeded(containerID: "b", runtimeIfName: "eth0", ifName: "net1",
                                             result: Array(#"{"ips":[{"address":"10.0.0.3/24"}]}"#.utf8), durationMs: 5)
            case .statusWriteError:
                try store.recordStatusWrite(containerID: "a", runtimeIfName: "eth0", ifName: "eth0", error: "patch refused",
                                            durationMs: 1)
            case .retriedFailure:
                try store.recordAddFailed(containerID: "c", runtimeIfName: "eth0", ifName: "net2", error: "plugin failed again",
                                          durationMs: 7)
            case .containerInserted:
                try store.recordAddStarted(.fixture(containerID: "b2", ifName: "eth0"))
            case .interfaceInserted:
                try store.recordAddStarted(.fixture(containerID: "b", ifName: "net5", position: 5))
            case .removed:
                try store.removeAttachment(containerID: "b", runtimeIfName: "eth0", ifName: "net1")
            case .removedAndAppended:
                try store.removeAttachment(containerID: "a", runtimeIfName: "eth0", ifName: "eth0")
                try store.removeAttachment(containerID: "c", runtimeIfName: "eth0", ifName: "eth0")
                try store.recordAddStarted(.fixture(containerID: "d", ifName: "eth0"))
            case .newConfig:
                try store.recordAddStarted(.fixture(containerID: "a", ifName: "eth0", config: Array(#"{"cniVersion":"1.1.0"}"#.utf8)))
            }
        }
    }

    /// Six records over three containers, some finished.
    static func seed(_ store: CheckpointStore) throws {
        for (container, ifName, position) in [("a", "eth0", 0), ("b", "eth0", 0), ("b", "net1", 1), ("b", "net10", 10),
                                              ("c", "eth0", 0), ("c", "net2", 2)] {
            try store.recordAddStarted(.fixture(containerID: container, ifName: ifName, position: position))
        }
        try store.recordAddSucceeded(containerID: "b", runtimeIfName: "eth0", ifName: "net1",
                                     result: Array(#"{"ips":[{"address":"10.0.0.2/24"}]}"#.utf8), durationMs: 5)
        try store.recordAddFailed(containerID: "c", runtimeIfName: "eth0", ifName: "net2", error: "plugin failed", durationMs: 7)
    }

    @Test("equal to a full read after each kind of change, reusing exactly the unchanged records",
          arguments: Change.allCases)
    func reread(change: Change) throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            try Self.seed(store)
            let previous = try store.allAttachments()
            try change.apply(store)
            let again = try store.allAttachments(reusing: previous)
            #expect(again == (try store.allAttachments()), "\(change.rawValue)")
            #expect(Self.reusedCount(again, from: previous) == change.reusable, "\(change.rawValue)")
        }
    }

    @Test("with nothing to reuse it is a full read")
    func empty() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            try Self.seed(store)
            #expect(try store.allAttachments(reusing: []) == (try store.allAttachments()))
        }
    }

    /// Records of `records` that share their config's storage with a record of `previous`:
    /// reused, not decoded again (decoding allocates new storage).
    static func reusedCount(_ records: [AttachmentRecord], from previous: [AttachmentRecord]) -> Int {
        let old = Set(previous.map { $0.config.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } })
        return records.filter { old.contains($0.config.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }) }.count
    }
}
