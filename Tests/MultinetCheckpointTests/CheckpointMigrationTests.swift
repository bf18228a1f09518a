import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint

@Suite("Checkpoint store: schema and migrations")
struct CheckpointMigrationTests {
    /// A stand-in for a future version 2.
    static let version2 = CheckpointMigration(version: 2, summary: "test: notes", sql: """
        ALTER TABLE attachments ADD COLUMN note TEXT NOT NULL DEFAULT 'migrated';
        CREATE TABLE test_v2 (id INTEGER PRIMARY KEY);
        """)

    private func open(_ directory: String, _ migrations: [CheckpointMigration], at time: Int64 = 1) throws(CheckpointError) -> CheckpointStore {
        try CheckpointStore(directory: directory, busyTimeoutMilliseconds: 5_000, now: { time }, migrations: migrations)
    }

    @Test("a new database gets migration 1 and the store's pragmas", arguments: [
        ("journal_mode", "wal"),
        ("synchronous", "1"),
        ("foreign_keys", "1"),
        ("wal_autocheckpoint", "64"),
    ])
    func pragmas(pragma: String, expected: String) throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let store = try CheckpointStore(directory: directory)
            #expect(try store.schemaVersion == CheckpointMigrations.all.count)
            let value = try store.connection.query("PRAGMA \(pragma)") { $0.text(0) }
            #expect(value == [expected])
        }
    }

    @Test("a version-1 database is migrated by a store that knows version 2; data survives")
    func upgrade() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            do {
                let store = try open(directory, [CheckpointMigrations.version1], at: 100)
                try store.recordAddStarted(.fixture())
                try store.recordAddFailed(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "kept", durationMs: 3)
                #expect(try store.schemaVersion == 1)
            }
            let store = try open(directory, [CheckpointMigrations.version1, Self.version2], at: 200)
            #expect(try store.schemaVersion == 2)
            let record = try #require(try store.allAttachments().first)
            #expect(record.error == "kept")
            #expect(record.config == AttachmentRecord.fixture().config)
            #expect(try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0").count == 1)
            #expect(try store.connection.query("SELECT note FROM attachments") { $0.text(0) } == ["migrated"])
            let ledger = try store.connection.query("SELECT version, applied_at FROM schema_migrations ORDER BY version") {
                "\($0.int64(0))@\($0.int64(1))"
            }
            #expect(ledger == ["1@100", "2@200"])
            #expect(try store.integrityCheck() == "ok")

            // Reopening applies nothing twice (the ALTER TABLE would fail if re-run).
            let again = try open(directory, [CheckpointMigrations.version1, Self.version2], at: 300)
            #expect(try again.schemaVersion == 2)
        }
    }

    @Test("a database newer than the code is refused and left untouched")
    func newerSchemaRefused() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            do {
                let store = try open(directory, [CheckpointMigrations.version1, Self.version2])
                try store.recordAddStarted(.fixture())
            }
            let path = directory + "/" + CheckpointStore.fileName
            let error = #expect(throws: CheckpointError.schemaTooNew(path: path, found: 2, supported: 1)) {
                try open(directory, [CheckpointMigrations.version1])
            }
            #expect(error?.description.contains(path) == true)
            #expect(error?.description.contains("refusing to downgrade") == true)
            let store = try open(directory, [CheckpointMigrations.version1, Self.version2])
            #expect(try store.schemaVersion == 2)
            #expect(store.movedAside == nil)
            #expect(try store.allAttachments().count == 1)
        }
    }

    @Test("a failing migration rolls back completely and names its step")
    func failingMigrationRollsBack() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            do {
                let store = try open(directory, [CheckpointMigrations.version1])
                try store.recordAddStarted(.fixture())
            }
            let broken = CheckpointMigration(version: 2, summary: "broken", sql: """
                CREATE TABLE half_done (id INTEGER);
                INSERT INTO no_such_table VALUES (1);
                """)
            let error = #expect(throws: CheckpointError.self) {
                try open(directory, [CheckpointMigrations.version1, broken])
            }
            #expect(error?.description.contains("applying schema migration 2 (broken)") == true)
            #expect(error?.description.contains("no_such_table") == true)

            let store = try open(directory, [CheckpointMigrations.version1])
            #expect(try store.schemaVersion == 1)
            #expect(try store.connection.query("SELECT name FROM sqlite_master WHERE name = 'half_done'") { $0.text(0) }.isEmpty)
            #expect(try store.allAttachments().count == 1)
        }
    }
}
