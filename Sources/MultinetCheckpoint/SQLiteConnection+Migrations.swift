extension SQLiteConnection {
    /// The highest applied schema step; 0 for a new, empty database.
    func schemaVersion() throws(CheckpointError) -> Int {
        let ledgers = try query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ) { _ in true }
        guard !ledgers.isEmpty else { return 0 }
        let versions = try query("SELECT coalesce(max(version), 0) FROM schema_migrations") { row in
            Int(row.int64(0))
        }
        return versions.first ?? 0
    }

    /// Brings the schema up to the last of `migrations`, one transaction per step.
    ///
    /// An up-to-date database costs one read and no write lock. Every step re-reads the
    /// version under the write lock, so processes opening a new database together apply
    /// each step exactly once. A database newer than `migrations` is refused, never
    /// downgraded.
    func migrate(to migrations: [CheckpointMigration], now: () -> Int64) throws(CheckpointError) {
        let supported = migrations.last?.version ?? 0
        activity = "reading the schema version"
        let found = try retryingWhileBusy { () throws(CheckpointError) in try schemaVersion() }
        guard found <= supported else {
            throw .schemaTooNew(path: path, found: found, supported: supported)
        }
        for migration in migrations where migration.version > found {
            activity = "applying schema migration \(migration.version) (\(migration.summary))"
            try writeTransaction { () throws(CheckpointError) in
                try execute(CheckpointMigrations.ledger)
                let current = try schemaVersion()
                guard current <= supported else {
                    throw .schemaTooNew(path: path, found: current, supported: supported)
                }
                guard current < migration.version else { return }
                try execute(migration.sql)
                try run(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    [SQLiteValue(migration.version), .integer(now())]
                )
            }
        }
    }
}
