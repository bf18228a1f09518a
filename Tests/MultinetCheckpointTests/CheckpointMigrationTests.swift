import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint

@Suite("Checkpoint store: schema and migrations")
struct CheckpointMigrationTests {
    /// Every step this code knows.
    static let current = CheckpointMigrations.all
    /// Its number.
    static let currentVersion = CheckpointMigrations.all.count
    /// A stand-in for a future step after the current ones.
    static let next = CheckpointMigration(version: currentVersion + 1, summary: "test: notes", sql: """
        ALTER TABLE attachments ADD COLUMN note TEXT NOT NULL DEFAULT 'migrated';
        CREATE TABLE test_next (id INTEGER PRIMARY KEY);
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

    @Test("a database at the current step is migrated by a store that knows one more; data survives")
    func upgrade() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            do {
                let store = try open(directory, Self.current, at: 100)
                try store.recordAddStarted(.fixture())
                try store.recordAddFailed(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", error: "kept", durationMs: 3)
                #expect(try store.schemaVersion == Self.currentVersion)
            }
            let store = try open(directory, Self.current + [Self.next], at: 200)
            #expect(try store.schemaVersion == Self.currentVersion + 1)
            let record = try #require(try store.allAttachments().first)
            #expect(record.error == "kept")
            #expect(record.config == AttachmentRecord.fixture().config)
            #expect(try store.history(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0").count == 1)
            #expect(try store.connection.query("SELECT note FROM attachments") { $0.text(0) } == ["migrated"])
            let ledger = try store.connection.query("SELECT version, applied_at FROM schema_migrations ORDER BY version") {
                "\($0.int64(0))@\($0.int64(1))"
            }
            #expect(ledger == (1...Self.currentVersion).map { "\($0)@100" } + ["\(Self.currentVersion + 1)@200"])
            #expect(try store.integrityCheck() == "ok")

            // Reopening applies nothing twice (the ALTER TABLE would fail if re-run).
            let again = try open(directory, Self.current + [Self.next], at: 300)
            #expect(try again.schemaVersion == Self.currentVersion + 1)
        }
    }

    @Test("a database newer than the code is refused and left untouched")
    func newerSchemaRefused() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            do {
                let store = try open(directory, Self.current + [Self.next])
                try store.recordAddStarted(.fixture())
            }
            let path = directory + "/" + CheckpointStore.fileName
            let error = #expect(throws: CheckpointError.schemaTooNew(path: path, found: Self.currentVersion + 1, supported: Self.currentVersion)) {
                try open(directory, Self.current)
            }
            #expect(error?.description.contains(path) == true)
            #expect(error?.description.contains("refusing to downgrade") == true)
            let store = try open(directory, Self.current + [Self.next])
            #expect(try store.schemaVersion == Self.currentVersion + 1)
            #expect(store.movedAside == nil)
            #expect(try store.allAttachments().count == 1)
        }
    }

    @Test("a failing migration rolls back completely and names its step")
    func failingMigrationRollsBack() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            do {
                let store = try open(directory, Self.current)
                try store.recordAddStarted(.fixture())
            }
            let broken = CheckpointMigration(version: Self.currentVersion + 1, summary: "broken", sql: """
                CREATE TABLE half_done (id INTEGER);
                INSERT INTO no_such_table VALUES (1);
                """)
            let error = #expect(throws: CheckpointError.self) {
                try open(directory, Self.current + [broken])
            }
            #expect(error?.description.contains("applying schema migration \(Self.currentVersion + 1) (broken)") == true)
            #expect(error?.description.contains("no_such_table") == true)

            let store = try open(directory, Self.current)
            #expect(try store.schemaVersion == Self.currentVersion)
            #expect(try store.connection.query("SELECT name FROM sqlite_master WHERE name = 'half_done'") { $0.text(0) }.isEmpty)
            #expect(try store.allAttachments().count == 1)
        }
    }

    @Test("step 4: records written at step 3 read as the runtime's; a hot-plugged record keeps its origin")
    func attachmentOrigin() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            do {
                let older = try open(directory, Array(CheckpointMigrations.all.prefix(3)))
                try older.connection.execute("""
                    INSERT INTO attachments (container_id, runtime_ifname, ifname, position, is_default, netns,
                        pod_namespace, pod_name, pod_uid, network, network_namespace, network_kind, config,
                        cni_path, cni_args, state, last_operation, attempts, created_at, updated_at)
                    VALUES ('c0ffee', 'eth0', 'eth0', 0, 1, '/var/run/netns/x', 'default', 'web', 'u1', 'podnet', '',
                        'file', X'7B7D', '/opt/cni/bin', '', 'attached', 'add', 1, 1, 1)
                    """)
            }
            let store = try open(directory, CheckpointMigrations.all)
            #expect(try store.allAttachments().map(\.origin) == [.runtime])
            var plugged = AttachmentRecord.fixture()
            plugged.ifName = "net1"
            plugged.position = 1
            plugged.isDefault = false
            plugged.origin = .hotplug
            try store.recordAddStarted(plugged)
            let read = try store.attachments(containerID: "c0ffee")
            #expect(read.map(\.origin) == [.runtime, .hotplug])
            #expect(read.map(\.ifName) == ["eth0", "net1"])
            try store.connection.execute("UPDATE attachments SET origin = 'teleport' WHERE ifname = 'net1'")
            let error = #expect(throws: CheckpointError.self) { try store.allAttachments() }
            #expect(error?.description.contains("attachments.origin") == true, "\(String(describing: error))")
        }
    }
}
