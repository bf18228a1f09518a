import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint

@Suite("Checkpoint store: attachment lifecycle")
struct CheckpointLifecycleTests {
    @Test("ADD → attached → DEL fails → DEL retried → removed, with attempts and history")
    func fullLifecycle() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let clock = TestClock(1_000)
            let store = try CheckpointStore(directory: directory, now: { clock.now })
            let record = AttachmentRecord.fixture()

            try store.recordAddStarted(record)
            var stored = try #require(try store.attachment(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0"))
            #expect(stored.state == .adding)
            #expect(stored.lastOperation == .add)
            #expect(stored.attempts == 1)
            #expect(stored.createdAt == 1_000)
            #expect(stored.updatedAt == 1_000)
            #expect(stored.config == record.config)
            #expect(stored.netns == record.netns)

            clock.set(1_250)
            let result = Array(#"{"cniVersion":"1.0.0","ips":[{"address":"10.1.0.5/24"}]}"#.utf8)
            try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: result, durationMs: 250)
            stored = try #require(try store.attachments(containerID: "c0ffee").first)
            #expect(stored.state == .attached)
            #expect(stored.result == result)
            #expect(stored.updatedAt == 1_250)
            #expect(stored.lastDurationMs == 250)

            clock.set(2_000)
            try store.recordDelStarted(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            stored = try #require(try store.attachments(containerID: "c0ffee").first)
            #expect(stored.state == .deleting)
            #expect(stored.lastOperation == .del)
            #expect(stored.attempts == 1)
            #expect(stored.result == result, "DEL replays the ADD result as prevResult")
            #expect(stored.lastDurationMs == nil)

            clock.set(2_100)
            try store.recordDelFailed(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "netns gone", durationMs: 100)
            stored = try #require(try store.failedAttachments().first)
            #expect(stored.state == .delFailed)
            #expect(stored.error == "netns gone")
            #expect(stored.createdAt == 1_000)

            clock.set(3_000)
            try store.recordDelStarted(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            stored = try #require(try store.attachments(containerID: "c0ffee").first)
            #expect(stored.attempts == 2)
            #expect(stored.error == nil)
            #expect(try store.failedAttachments().isEmpty)

            #expect(try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0") == [
                attempt(.add, startedAt: 1_000, durationMs: 250, error: nil),
                attempt(.del, startedAt: 2_000, durationMs: 100, error: "netns gone"),
                attempt(.del, startedAt: 3_000, durationMs: nil, error: nil),
            ])

            try store.removeAttachment(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            #expect(try store.allAttachments().isEmpty)
            #expect(try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0").isEmpty)
        }
    }

    @Test("a retried ADD counts attempts, keeps createdAt, clears the error and takes the new config")
    func retriedAdd() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let clock = TestClock(500)
            let store = try CheckpointStore(directory: directory, now: { clock.now })
            try store.recordAddStarted(.fixture())
            clock.set(600)
            try store.recordAddFailed(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "no IPs left", durationMs: 90)
            var stored = try #require(try store.failedAttachments().first)
            #expect(stored.state == .addFailed)
            #expect(stored.error == "no IPs left")
            #expect(stored.config == AttachmentRecord.fixture().config, "a failed ADD keeps the config for DEL")

            clock.set(700)
            try store.recordAddStarted(.fixture(config: Array("second".utf8)))
            stored = try #require(try store.allAttachments().first)
            #expect(stored.attempts == 2)
            #expect(stored.createdAt == 500)
            #expect(stored.updatedAt == 700)
            #expect(stored.error == nil)
            #expect(stored.state == .adding)
            #expect(stored.config == Array("second".utf8))

            // A DEL in between resets the count: attempts are of the last operation only.
            try store.recordDelStarted(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            try store.recordAddStarted(.fixture())
            #expect(try store.allAttachments().first?.attempts == 1)
        }
    }

    @Test("removing after a successful DEL and re-adding starts a new record")
    func removeThenReAdd() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let clock = TestClock(10)
            let store = try CheckpointStore(directory: directory, now: { clock.now })
            try store.recordAddStarted(.fixture())
            try store.removeAttachment(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            // DEL of an unknown attachment succeeds.
            try store.removeAttachment(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            clock.set(20)
            try store.recordAddStarted(.fixture())
            let stored = try #require(try store.allAttachments().first)
            #expect(stored.attempts == 1)
            #expect(stored.createdAt == 20)
            #expect(try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0").count == 1)
        }
    }

    @Test("CHECK is recorded in the history and the error field only")
    func check() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let clock = TestClock(1_000)
            let store = try CheckpointStore(directory: directory, now: { clock.now })
            try store.recordAddStarted(.fixture())
            try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: [1], durationMs: 5)
            clock.set(5_000)
            try store.recordCheck(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "route missing", durationMs: 40)
            var stored = try #require(try store.allAttachments().first)
            #expect(stored.state == .attached)
            #expect(stored.error == "route missing")
            #expect(stored.lastOperation == .add)
            #expect(stored.attempts == 1)

            try store.recordCheck(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: nil, durationMs: 30)
            stored = try #require(try store.allAttachments().first)
            #expect(stored.error == nil)
            let history = try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            #expect(history.suffix(2) == [
                attempt(.check, startedAt: 4_960, durationMs: 40, error: "route missing"),
                attempt(.check, startedAt: 4_970, durationMs: 30, error: nil),
            ])
        }
    }

    @Test("a successful CHECK does not erase a failed attachment's error")
    func checkKeepsFailure() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            try store.recordAddStarted(.fixture())
            try store.recordAddFailed(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "timeout", durationMs: 1)
            try store.recordCheck(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: nil, durationMs: 1)
            #expect(try store.allAttachments().first?.error == "timeout")
        }
    }

    @Test("history keeps the newest 50 attempts per attachment")
    func historyLimit() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let clock = TestClock(0)
            let store = try CheckpointStore(directory: directory, now: { clock.now })
            try store.recordAddStarted(.fixture())
            try store.recordAddStarted(.fixture(ifName: "net1", position: 1))
            for index in 1...60 {
                clock.set(Int64(index) * 100)
                try store.recordCheck(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "#\(index)", durationMs: 0)
            }
            let history = try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            #expect(history.count == 50)
            #expect(history.first?.error == "#11")
            #expect(history.last?.error == "#60")
            #expect(try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "net1").count == 1)
        }
    }

    @Test("updating an attachment without a record throws recordMissing", arguments: [
        "addSucceeded", "addFailed", "delStarted", "delFailed", "check",
    ])
    func missingRecord(update: String) throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            try store.recordAddStarted(.fixture(containerID: "other"))
            let error = #expect(throws: CheckpointError.self) {
                switch update {
                case "addSucceeded":
                    try store.recordAddSucceeded(containerID: "nope", runtimeIfName: "eth0", ifName: "eth1", result: [], durationMs: 1)
                case "addFailed":
                    try store.recordAddFailed(containerID: "nope", runtimeIfName: "eth0", ifName: "eth1", error: "x", durationMs: 1)
                case "delStarted":
                    try store.recordDelStarted(containerID: "nope", runtimeIfName: "eth0", ifName: "eth1")
                case "delFailed":
                    try store.recordDelFailed(containerID: "nope", runtimeIfName: "eth0", ifName: "eth1", error: "x", durationMs: 1)
                default:
                    try store.recordCheck(containerID: "nope", runtimeIfName: "eth0", ifName: "eth1", error: nil, durationMs: 1)
                }
            }
            guard case .recordMissing(let path, _, "nope", "eth0", "eth1") = error else {
                Issue.record("expected recordMissing, got \(String(describing: error))")
                return
            }
            #expect(path == store.path)
            #expect(error?.description.contains(store.path) == true)
            #expect(error?.description.contains("nope") == true)
            // The failed transaction left nothing behind.
            #expect(try store.allAttachments().map(\.containerID) == ["other"])
            #expect(try store.history(containerID: "nope", runtimeIfName: "eth0", ifName: "eth1").isEmpty)
        }
    }

    private func attempt(_ operation: CheckpointOperation, startedAt: Int64, durationMs: Int64?, error: String?) -> AttemptRecord {
        AttemptRecord(
            containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0",
            operation: operation, startedAt: startedAt, durationMs: durationMs, error: error
        )
    }
}
