import Foundation
import Synchronization
import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint
@testable import MultinetSystem

/// The store's durability and locking choices (README "Performance", CheckpointStore docs):
/// only the write-ahead record is fsynced, closing leaves the WAL as it is, and a writer
/// waiting for another process's lock retries every half millisecond.
@Suite("Checkpoint store: durability and lock waits")
struct CheckpointDurabilityTests {
    @Test("a durable write-ahead record leaves the connection back at synchronous=NORMAL")
    func synchronousRestored() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            try store.recordAddStarted(.fixture())
            #expect(try store.connection.query("PRAGMA synchronous") { $0.text(0) } == ["1"])
            try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: [0x7B, 0x7D], durationMs: 1)
            #expect(try store.connection.query("PRAGMA synchronous") { $0.text(0) } == ["1"])
        }
    }

    @Test("every write is timed in the store's phase clock, the write-ahead one apart")
    func phases() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            let clock = PhaseClock()
            store.phases = clock
            try store.recordAddStarted(.fixture())
            try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: [0x7B, 0x7D], durationMs: 1)
            try store.recordDelStarted(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            let counts = Dictionary(uniqueKeysWithValues: clock.snapshot.map { ($0.name, $0.count) })
            #expect(counts == ["store.write-durable": 1, "store.write": 2])
        }
    }

    @Test("closing the last connection does not checkpoint: the WAL keeps the commits")
    func noCheckpointOnClose() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            do {
                let store = try CheckpointStore(directory: directory)
                try store.recordAddStarted(.fixture())
            }
            let wal = (try FileManager.default.attributesOfItem(atPath: directory + "/multinet.db-wal"))[.size] as? Int ?? 0
            #expect(wal > 0, "the WAL was checkpointed and truncated on close")
            // The data is still there for the next process.
            let reopened = try CheckpointStore(directory: directory)
            #expect(try reopened.allAttachments().map(\.containerID) == ["c0ffee"])
        }
    }

    @Test("the WAL stays small: commits past the autocheckpoint size fold it into the database")
    func walStaysSmall() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            for index in 0..<200 {
                try store.recordAddStarted(.fixture(containerID: "c\(index)", config: Array(repeating: 7, count: 300)))
            }
            let frames = try store.connection.query("PRAGMA wal_checkpoint(PASSIVE)") { $0.int64(1) }
            // After a checkpoint the WAL restarts; it never holds much more than the limit.
            #expect((frames.first ?? 0) <= Int64(CheckpointStore.walAutocheckpointPages) + 16, "\(frames)")
            let wal = (try FileManager.default.attributesOfItem(atPath: directory + "/multinet.db-wal"))[.size] as? Int ?? 0
            #expect(wal < 1_000 * 4_096, "WAL of \(wal) bytes")
        }
    }

    @Test("a writer waits for another connection's write lock and goes on when it is released")
    func waitsForLock() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let holder = try CheckpointStore(directory: directory)
            try holder.connection.execute("BEGIN IMMEDIATE")
            // Ordered by events, not by sleeps: the writer says when it is about to write, the
            // holder keeps the lock 150 ms past that, and the write must end after the release.
            let outcome = Mutex<(finished: UInt64, error: String?)>((0, nil))
            let writing = DispatchSemaphore(value: 0)
            let done = DispatchSemaphore(value: 0)
            Thread {
                defer { done.signal() }
                do {
                    let writer = try CheckpointStore(directory: directory, busyTimeoutMilliseconds: 10_000, now: { 1 },
                                                     migrations: CheckpointMigrations.all)
                    writing.signal()
                    try writer.recordAddStarted(.fixture())
                    outcome.withLock { $0.finished = MonotonicClock.nanoseconds() }
                } catch {
                    writing.signal()
                    outcome.withLock { $0.error = "\(error)" }
                }
            }.start()
            writing.wait()
            usleep(150_000)
            let released = MonotonicClock.nanoseconds()
            try holder.connection.execute("COMMIT")
            done.wait()
            let (finished, error) = outcome.withLock { $0 }
            #expect(error == nil)
            #expect(finished >= released, "the write ended \(Double(released &- finished) / 1e6) ms before the lock was released")
            #expect(try holder.allAttachments().count == 1)
        }
    }

    @Test("a writer gives up with a busy error once the busy timeout has passed")
    func givesUp() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let holder = try CheckpointStore(directory: directory)
            try holder.connection.execute("BEGIN IMMEDIATE")
            defer { try? holder.connection.execute("COMMIT") }
            let writer = try CheckpointStore(directory: directory, busyTimeoutMilliseconds: 200, now: { 1 },
                                             migrations: CheckpointMigrations.all)
            let start = MonotonicClock.nanoseconds()
            #expect(throws: CheckpointError.self) { try writer.recordAddStarted(.fixture()) }
            let waited = Double(MonotonicClock.nanoseconds() &- start) / 1e6
            #expect(waited >= 150, "gave up after \(waited) ms")
        }
    }
}
