import Foundation
import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint

@Suite("Checkpoint store: concurrent writers")
struct CheckpointConcurrencyTests {
    /// Runs `body` on `threads` threads released together, and waits for all of them.
    static func atOnce(_ threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let start = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        for thread in 0..<threads {
            Thread {
                defer { finished.signal() }
                start.wait()
                body(thread)
            }.start()
        }
        for _ in 0..<threads { start.signal() }
        for _ in 0..<threads { finished.wait() }
    }

    @Test("8 threads, each with its own store on one new directory, write 50 records each")
    func concurrentWriters() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let threads = 8
            let perThread = 50
            let failures = FailureLog()
            Self.atOnce(threads) { thread in
                do {
                    // Every thread opens at once: directory, file and schema creation race too.
                    let store = try CheckpointStore(directory: directory)
                    if let moved = store.movedAside {
                        failures.append("thread \(thread): a healthy database was moved aside to \(moved)")
                    }
                    for index in 0..<perThread {
                        let record = AttachmentRecord.fixture(
                            containerID: "t\(thread)", ifName: "net\(index)", position: index,
                            config: Array("thread \(thread) record \(index)".utf8)
                        )
                        try store.recordAddStarted(record)
                        try store.recordAddSucceeded(
                            containerID: record.containerID, runtimeIfName: "eth0", ifName: record.ifName,
                            result: [UInt8(thread), UInt8(index)], durationMs: 1
                        )
                    }
                } catch {
                    failures.append("thread \(thread): \(error)")
                }
            }

            #expect(failures.messages.isEmpty)
            let store = try CheckpointStore(directory: directory)
            let all = try store.allAttachments()
            #expect(all.count == threads * perThread)
            for thread in 0..<threads {
                let records = try store.attachments(containerID: "t\(thread)", runtimeIfName: "eth0")
                #expect(records.map { $0.position } == Array(0..<perThread))
                #expect(records.allSatisfy { $0.state == .attached && $0.attempts == 1 })
                #expect(records.map { $0.config } == (0..<perThread).map { Array("thread \(thread) record \($0)".utf8) })
            }
            #expect(try store.integrityCheck() == "ok")
            #expect(try store.schemaVersion == CheckpointMigrations.all.count)
        }
    }

    @Test("a new store opened by 8 threads at once, 40 times over: every open succeeds (the switch to WAL races)")
    func concurrentCreation() throws {
        let failures = FailureLog()
        for round in 0..<40 {
            try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
                let threads = 8
                Self.atOnce(threads) { thread in
                    do {
                        let store = try CheckpointStore(directory: directory)
                        try store.recordAddStarted(.fixture(containerID: "r\(round)t\(thread)"))
                    } catch {
                        failures.append("round \(round), thread \(thread): \(error)")
                    }
                }
            }
        }
        #expect(failures.messages.isEmpty)
    }

    @Test("a writer blocked past its busy timeout gets SQLITE_BUSY naming the store and the activity")
    func busyTimeout() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let holder = try CheckpointStore(directory: directory)
            try holder.connection.execute("BEGIN IMMEDIATE")
            // Opening an up-to-date database needs no write lock.
            let waiter = try CheckpointStore(directory: directory, busyTimeoutMilliseconds: 300)
            let began = Date()
            let error = #expect(throws: CheckpointError.self) {
                try waiter.recordAddStarted(.fixture())
            }
            #expect(Date().timeIntervalSince(began) >= 0.25)
            #expect(error?.sqliteCode.map { $0 & 0xFF } == 5)
            #expect(error?.description.contains(waiter.path) == true)
            #expect(error?.description.contains("recording the start of an ADD") == true)
            #expect(error?.description.contains("SQLITE_BUSY") == true)

            try holder.connection.execute("COMMIT")
            try waiter.recordAddStarted(.fixture())
            #expect(try holder.allAttachments().count == 1)
        }
    }
}

/// Errors collected from worker threads.
///
/// `@unchecked Sendable`: shared by the test's threads; the array is guarded by a lock.
final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    /// Records one failure.
    func append(_ message: String) {
        lock.withLock { stored.append(message) }
    }

    /// Everything recorded so far.
    var messages: [String] {
        lock.withLock { stored }
    }
}
