import Foundation
import MultinetTestSupport
import Testing
@testable import MultinetCheckpoint

@Suite("Checkpoint store: operation samples, reclaimed containers, container locks")
struct CheckpointOperationsTests {
    static func sample(_ command: String, plugin: String? = nil, _ outcome: OperationSample.Outcome = .success) -> OperationSample {
        OperationSample(command: command, plugin: plugin, outcome: outcome, durationMicroseconds: 1_500, finishedAt: 42)
    }

    @Test("pending samples ride on the next write, in its transaction; reads resume after an ID; pruning drops what was counted")
    func samplesRideOnWrites() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            let log = OperationLog()
            store.operationLog = log
            log.append(Self.sample("add", plugin: "bridge"))
            #expect(try store.operations(after: 0).isEmpty, "a sample reached the store without a write")
            try store.recordAddStarted(.fixture(containerID: "c1"))
            let stored = try store.operations(after: 0)
            #expect(stored.map(\.plugin) == ["bridge"])
            #expect(stored.first?.durationMicroseconds == 1_500)
            #expect(log.isEmpty)
            log.append(Self.sample("add"))
            try store.flushOperations()
            let all = try store.operations(after: 0)
            #expect(all.count == 2)
            #expect(try store.operations(after: all[0].id).map(\.plugin) == [nil])
            try store.pruneOperations(through: all[0].id)
            #expect(try store.operations(after: 0).map(\.id) == [all[1].id])
            // Nothing pending: no write at all.
            try store.flushOperations()
            #expect(try store.operations(after: 0).count == 1)
        }
    }

    @Test("a write that is refused keeps its samples pending for the next one; none is lost or doubled")
    func refusedWriteKeepsSamples() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            let log = OperationLog()
            store.operationLog = log
            log.append(Self.sample("del", .failure))
            #expect(throws: CheckpointError.self) {
                try store.recordAddSucceeded(containerID: "missing", runtimeIfName: "eth0", ifName: "eth0", result: [],
                                             durationMs: 1)
            }
            #expect(try store.operations(after: 0).isEmpty)
            #expect(!log.isEmpty)
            try store.flushOperations()
            #expect(try store.operations(after: 0).map(\.outcome) == [.failure])
        }
    }

    @Test("another process's samples are read too (every plugin process has its own store connection)")
    func acrossConnections() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let writer = try CheckpointStore(directory: directory)
            let reader = try CheckpointStore(directory: directory)
            writer.operationLog = OperationLog()
            writer.operationLog?.append(Self.sample("check"))
            try writer.flushOperations()
            #expect(try reader.operations(after: 0).map(\.command) == ["check"])
        }
    }

    @Test("a reclaimed container's tombstone is found, and old ones are dropped")
    func tombstones() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let clock = TestClock(1_000)
            let store = try CheckpointStore(directory: directory, now: { clock.now })
            try store.recordReclaimed(containerID: "old")
            #expect(try store.reclaimedAt(containerID: "old") == 1_000)
            #expect(try store.reclaimedAt(containerID: "never") == nil)
            clock.set(11_000)
            try store.recordReclaimed(containerID: "new", keepMilliseconds: 5_000)
            #expect(try store.reclaimedAt(containerID: "old") == nil)
            #expect(try store.reclaimedAt(containerID: "new") == 11_000)
        }
    }

    @Test("a container lock excludes a second holder until released; other containers are independent; the file is 0600")
    func containerLock() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let first = try #require(try ContainerLock.acquire(directory: directory, containerID: "c1", waitSeconds: 0))
            #expect(try ContainerLock.acquire(directory: directory, containerID: "c1", waitSeconds: 0) == nil)
            let other = try ContainerLock.acquire(directory: directory, containerID: "c2", waitSeconds: 0)
            #expect(other != nil)
            #expect(throws: CheckpointError.self) {
                try ContainerLock.acquire(directory: directory, containerID: "c1", waitSeconds: 0.2)
            }
            first.release()
            #expect(try ContainerLock.acquire(directory: directory, containerID: "c1", waitSeconds: 0) != nil)
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: directory + "/" + ContainerLock.fileName)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "lock file mode \(String(mode, radix: 8))")
        }
    }

    @Test("the lock waited for in vain names the container")
    func lockedMessage() throws {
        let error = CheckpointError.containerLocked(path: "/s/containers.lock", containerID: "abc", waitedSeconds: 60)
        #expect(error.description.contains("container abc is still locked"))
        #expect(error.description.contains("60 s"))
    }
}

extension CheckpointOperationsTests {
    @Test("sample IDs keep growing after every row was pruned, so a reader resuming after its last ID misses none")
    func idsNeverReused() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            store.operationLog = OperationLog()
            store.operationLog?.append(Self.sample("add"))
            store.operationLog?.append(Self.sample("add"))
            try store.flushOperations()
            let counted = try #require(try store.operations(after: 0).last?.id)
            try store.pruneOperations(through: counted)
            #expect(try store.latestOperationID() == counted)
            store.operationLog?.append(Self.sample("del"))
            try store.flushOperations()
            #expect(try store.operations(after: counted).map(\.command) == ["del"])
        }
    }
}

extension CheckpointOperationsTests {
    @Test("a reader that is not the plugin never creates or migrates the store")
    func openIfCurrent() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            guard case .missing = try CheckpointStore.openIfCurrent(directory: directory + "/state") else {
                Issue.record("a missing store was opened")
                return
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/state/" + CheckpointStore.fileName))
            // A store an older plugin wrote (schema step 2) stays at step 2.
            do {
                _ = try CheckpointStore(directory: directory, busyTimeoutMilliseconds: 1_000,
                                        now: CheckpointStore.wallClockMilliseconds,
                                        migrations: Array(CheckpointMigrations.all.prefix(2)))
            }
            guard case .older(let found, let current) = try CheckpointStore.openIfCurrent(directory: directory) else {
                Issue.record("an older store was opened for writing")
                return
            }
            #expect(found == 2 && current == CheckpointMigrations.all.count)
            #expect(try CheckpointStore.openReadOnly(directory: directory)?.schemaVersion == 2)
            _ = try CheckpointStore(directory: directory)
            guard case .current(let store) = try CheckpointStore.openIfCurrent(directory: directory) else {
                Issue.record("the current store was not opened")
                return
            }
            #expect(try store.schemaVersion == CheckpointMigrations.all.count)
            // The store it opens can be written (the read-only probe is closed first).
            try store.recordReclaimed(containerID: "c1")
            #expect(try store.reclaimedAt(containerID: "c1") != nil)
        }
    }
}
