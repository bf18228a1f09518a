extension CheckpointStore {
    /// What ``openIfCurrent(directory:)`` found.
    public enum CurrentStore {
        /// No database yet (no plugin ran on this node).
        case missing
        /// A database at an older schema than this code's: left for the plugin to migrate.
        case older(found: Int, current: Int)
        /// The database, opened for reading and writing, at the current schema.
        case current(CheckpointStore)
    }

    /// Opens the store for reading and writing only when it exists at this code's schema:
    /// a process that is not the plugin (the node agent) must never create the database nor
    /// migrate it, since a plugin binary older than the agent (during an upgrade) would
    /// then refuse the store and fail every pod. A newer schema throws `schemaTooNew`.
    public static func openIfCurrent(directory: String) throws(CheckpointError) -> CurrentStore {
        // The read-only probe is closed before the store is opened for writing: SQLite
        // shares one shared-memory mapping per file and process, and the probe's is read-only.
        let version = try { () throws(CheckpointError) -> Int? in
            guard let probe = try openReadOnly(directory: directory) else { return nil }
            return try probe.schemaVersion
        }()
        guard let found = version else { return .missing }
        let current = CheckpointMigrations.all.count
        guard found == current else { return .older(found: found, current: current) }
        return .current(try CheckpointStore(directory: directory))
    }
}
