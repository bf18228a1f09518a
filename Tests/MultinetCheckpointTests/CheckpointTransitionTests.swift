import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint

/// The store consults ``AttachmentLifecycle`` in the transaction of each write: every pair
/// of the table through the store's own methods, and what a refusal leaves.
@Suite("Checkpoint store: the lifecycle's refusals")
struct CheckpointTransitionTests {
    static let key = AttachmentKey("c0ffee", "eth0", "eth0")

    /// Brings the fixture's record into `state` through allowed writes (`nil`: no record).
    static func seed(_ store: CheckpointStore, _ state: AttachmentState?) throws {
        guard let state else { return }
        try store.recordAddStarted(.fixture())
        switch state {
        case .adding:
            break
        case .attached:
            try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: [1], durationMs: 1)
        case .addFailed:
            try store.recordAddFailed(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "seeded", durationMs: 1)
        case .deleting:
            try store.recordDelStarted(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
        case .delFailed:
            try store.recordDelStarted(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            try store.recordDelFailed(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "seeded", durationMs: 1)
        }
    }

    /// The store write behind `event`, on the fixture's key.
    static func write(_ event: AttachmentEvent, _ store: CheckpointStore) throws(CheckpointError) {
        switch event {
        case .addStarted:
            try store.recordAddStarted(.fixture(config: Array("again".utf8)))
        case .addSucceeded:
            try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: [2], durationMs: 5)
        case .addFailed:
            try store.recordAddFailed(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "event", durationMs: 5)
        case .delStarted:
            try store.recordDelStarted(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
        case .delSucceeded:
            try store.removeAttachment(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
        case .delFailed:
            try store.recordDelFailed(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "event", durationMs: 5)
        }
    }

    @Test("each pair of the table through the store: the record ends where the table says, a refusal changes nothing",
          arguments: AttachmentLifecycleTests.table)
    func everyPair(row: AttachmentLifecycleTests.Row) throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let clock = TestClock(1_000)
            let store = try CheckpointStore(directory: directory, now: { clock.now })
            try Self.seed(store, row.state)
            let before = try store.attachment(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            let historyBefore = try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            #expect(before?.state == row.state)
            clock.set(2_000)
            let refusal: CheckpointError?
            do throws(CheckpointError) {
                try Self.write(row.event, store)
                refusal = nil
            } catch {
                refusal = error
            }
            let after = try store.attachment(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            let history = try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            switch (row.expected, refusal) {
            case (.to(let state), nil):
                #expect(after?.state == state)
                #expect(after?.updatedAt == 2_000)
            case (.gone, nil):
                #expect(after == nil)
                #expect(history.isEmpty)
            case (.refused, nil):
                Issue.record("the store allowed \(row.testDescription)")
            case (.refused, .transitionRefused(let path, _, let key, let state, let event)?):
                #expect(row.state != nil)
                #expect(path == store.path)
                #expect(key == Self.key)
                #expect(state == row.state)
                #expect(event == row.event)
                #expect(after == before)
                #expect(history == historyBefore)
            case (.refused, .recordMissing(let path, _, "c0ffee", "eth0", "eth0")?):
                #expect(row.state == nil)
                #expect(path == store.path)
                #expect(after == nil)
                #expect(history.isEmpty)
            case (_, let error?):
                Issue.record("\(row.testDescription): the store threw \(error)")
            }
        }
    }

    @Test("a successful ADD recorded on a record a DEL has claimed is refused; the record, result and history stay")
    func addSucceededWhileDeleting() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let clock = TestClock(1_000)
            let store = try CheckpointStore(directory: directory, now: { clock.now })
            try store.recordAddStarted(.fixture())
            clock.set(1_100)
            try store.recordDelStarted(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            let before = try #require(try store.attachments(containerID: "c0ffee").first)
            clock.set(1_200)
            let error = #expect(throws: CheckpointError.self) {
                try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0",
                                             result: Array("{}".utf8), durationMs: 100)
            }
            #expect(error == .transitionRefused(path: store.path, activity: "recording a successful ADD", key: Self.key,
                                                state: .deleting, event: .addSucceeded))
            #expect(error?.description == "checkpoint store \(store.path): recording a successful ADD refused: the attachment of "
                + "container c0ffee, runtime interface eth0, interface eth0 is deleting, and its lifecycle does not allow "
                + "a successful ADD from there; the record is unchanged")
            let after = try #require(try store.attachments(containerID: "c0ffee").first)
            #expect(after == before)
            #expect(after.state == .deleting)
            #expect(after.result == nil)
            #expect(after.updatedAt == 1_100)
            // The ADD's attempt stays open and the DEL's too: nothing was closed or appended.
            #expect(try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0").map(\.durationMs) == [nil, nil])
        }
    }

    @Test("a second ADD over an attached record is refused, its config, result and attempts kept")
    func addStartedOnAttached() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            try store.recordAddStarted(.fixture())
            try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: [7], durationMs: 1)
            let before = try store.allAttachments()
            let error = #expect(throws: CheckpointError.self) {
                try store.recordAddStarted(.fixture(config: Array("other".utf8)))
            }
            #expect(error == .transitionRefused(path: store.path, activity: "recording the start of an ADD", key: Self.key,
                                                state: .attached, event: .addStarted))
            #expect(try store.allAttachments() == before)
            #expect(try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0").count == 1)
        }
    }

    @Test("a failed teardown's record is not overwritten by an ADD, nor marked as a failed ADD")
    func delFailedKeptForRetry() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            try Self.seed(store, .delFailed)
            let before = try store.allAttachments()
            for event in [AttachmentEvent.addStarted, .addSucceeded, .addFailed] {
                let error = #expect(throws: CheckpointError.self) { try Self.write(event, store) }
                guard case .transitionRefused(_, _, Self.key, .delFailed, event) = error else {
                    Issue.record("\(event.rawValue): expected transitionRefused, got \(String(describing: error))")
                    continue
                }
            }
            #expect(try store.allAttachments() == before)
            #expect(try store.failedAttachments().map(\.error) == ["seeded"])
        }
    }

    @Test("a record whose stored state this multinet does not know is refused as an invalid value, not overwritten")
    func unknownState() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            try store.recordAddStarted(.fixture())
            try store.connection.execute("UPDATE attachments SET state = 'zombie'")
            let error = #expect(throws: CheckpointError.self) {
                try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: [], durationMs: 1)
            }
            #expect(error == .invalidValue(path: store.path, column: "attachments.state", value: "zombie"))
        }
    }

    @Test("the allowed states go into the statement; an event allowed from every state adds no condition")
    func conditions() {
        #expect(CheckpointStore.allowedStatesCondition(.addStarted, column: "attachments.state")
            == "attachments.state IN ('adding', 'add_failed', 'deleting')")
        #expect(CheckpointStore.allowedStatesCondition(.addSucceeded) == "state IN ('adding', 'attached')")
        #expect(CheckpointStore.allowedStatesCondition(.addFailed) == "state IN ('adding', 'attached', 'add_failed')")
        #expect(CheckpointStore.allowedStatesCondition(.delStarted) == nil)
        #expect(CheckpointStore.allowedStatesCondition(.delSucceeded) == nil)
        #expect(CheckpointStore.allowedStatesCondition(.delFailed) == nil)
    }
}
