/// The ordered schema steps of the checkpoint database.
///
/// To change the schema, append a step with the next version: stores running older code
/// refuse the newer database instead of writing rows it does not understand.
enum CheckpointMigrations {
    /// Every step, in order.
    static let all: [CheckpointMigration] = [version1, version2, version3, version4]

    /// The table that records applied steps; created by whichever step runs first.
    static let ledger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            applied_at INTEGER NOT NULL
        )
        """

    /// Whether `migrations` is numbered 1, 2, 3, … in order (a programming invariant).
    static func isWellFormed(_ migrations: [CheckpointMigration]) -> Bool {
        migrations.enumerated().allSatisfy { $0.element.version == $0.offset + 1 }
    }

    /// Attachments and their attempt history. Enumerations are stored as their raw
    /// strings and validated on read (no CHECK constraints, so a later step can add
    /// states without rebuilding the table).
    static let version1 = CheckpointMigration(version: 1, summary: "attachments and attempts", sql: """
        CREATE TABLE attachments (
            container_id TEXT NOT NULL,
            runtime_ifname TEXT NOT NULL,
            ifname TEXT NOT NULL,
            position INTEGER NOT NULL,
            is_default INTEGER NOT NULL,
            netns TEXT NOT NULL,
            pod_namespace TEXT NOT NULL,
            pod_name TEXT NOT NULL,
            pod_uid TEXT NOT NULL,
            network TEXT NOT NULL,
            network_namespace TEXT NOT NULL,
            network_kind TEXT NOT NULL,
            config BLOB NOT NULL,
            cni_path TEXT NOT NULL,
            cni_args TEXT NOT NULL,
            state TEXT NOT NULL,
            result BLOB,
            error TEXT,
            last_operation TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            last_duration_ms INTEGER,
            PRIMARY KEY (container_id, runtime_ifname, ifname)
        );
        CREATE INDEX attachments_by_state ON attachments (state);
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            container_id TEXT NOT NULL,
            runtime_ifname TEXT NOT NULL,
            ifname TEXT NOT NULL,
            operation TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            duration_ms INTEGER,
            error TEXT,
            FOREIGN KEY (container_id, runtime_ifname, ifname)
                REFERENCES attachments (container_id, runtime_ifname, ifname) ON DELETE CASCADE
        );
        CREATE INDEX attempts_by_attachment ON attempts (container_id, runtime_ifname, ifname, id);
        """)

    /// Attempts of a new operation, `status` (the pod's network-status write). The index
    /// serves the inspector's failure queries; the step's number makes older multinet
    /// binaries refuse a store that may hold rows they cannot read.
    static let version2 = CheckpointMigration(version: 2, summary: "network-status write attempts", sql: """
        CREATE INDEX attempts_by_operation ON attempts (operation, error);
        """)

    /// What the node agent reads: every finished operation and delegate call (outcome and
    /// duration only, no pod), written by the plugin inside transactions it makes anyway
    /// and pruned by the agent once counted; and the containers the agent reclaimed, so a
    /// runtime DEL arriving later knows their attachments are gone. IDs only grow
    /// (`AUTOINCREMENT`), also once the agent pruned every row: it reads after the last one it
    /// counted.
    static let version3 = CheckpointMigration(version: 3, summary: "operation samples and reclaimed containers", sql: """
        CREATE TABLE operations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            command TEXT NOT NULL,
            plugin TEXT,
            result TEXT NOT NULL,
            duration_us INTEGER NOT NULL,
            finished_at INTEGER NOT NULL
        );
        CREATE TABLE reclaimed (
            container_id TEXT PRIMARY KEY,
            reclaimed_at INTEGER NOT NULL
        );
        """)

    /// How each attachment came (`runtime` or `hotplug`, ``AttachmentOrigin``): every record
    /// written before this step came from the runtime's ADD.
    static let version4 = CheckpointMigration(version: 4, summary: "attachment origin", sql: """
        ALTER TABLE attachments ADD COLUMN origin TEXT NOT NULL DEFAULT 'runtime';
        """)
}
