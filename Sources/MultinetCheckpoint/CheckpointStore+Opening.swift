internal import CSQLite

extension CheckpointStore {
    /// How large a persistent WAL may stay between transactions before SQLite truncates it.
    static let journalSizeLimit = 4 * 1024 * 1024

    /// After how many WAL pages a commit checkpoints them into the database. Every plugin
    /// process is the store's first connection, so it rebuilds the WAL index by reading the
    /// whole WAL: at SQLite's default of 1,000 pages that was up to 4 MB and ~2.5 ms per
    /// run; 64 pages keeps it near 0.2 ms, for a checkpoint (two fsyncs) every few runs.
    static let walAutocheckpointPages = 64

    /// Opens and configures the connection; if the file turns out not to be a database, or
    /// damaged, while opening, moves it aside, starts a fresh one and copies into it the
    /// attachment records still readable in the damaged file.
    ///
    /// Returns the connection and, if this process moved a damaged file, where to and what
    /// it salvaged.
    static func openRecovering(
        path: String,
        busyTimeoutMilliseconds: Int32,
        now: @Sendable () -> Int64,
        migrations: [CheckpointMigration]
    ) throws(CheckpointError) -> (SQLiteConnection, CheckpointSalvage?) {
        var movedAside: String?
        var attempt = 0
        while true {
            attempt += 1
            let identity = try CheckpointFileSystem.prepareDatabaseFile(path)
            do {
                let connection = try configuredConnection(
                    path: path,
                    busyTimeoutMilliseconds: busyTimeoutMilliseconds,
                    now: now,
                    migrations: migrations
                )
                return (connection, movedAside.map { salvage(from: $0, into: connection) })
            } catch where error.isCorruption && attempt < 4 {
                // The failed connection is closed by now: it was released when the error was thrown.
                if let target = try CheckpointFileSystem.moveAside(path, identity: identity, stamp: now()) {
                    movedAside = target
                }
            }
        }
    }

    /// A connection with the store's pragmas set and the schema migrated.
    private static func configuredConnection(
        path: String,
        busyTimeoutMilliseconds: Int32,
        now: () -> Int64,
        migrations: [CheckpointMigration]
    ) throws(CheckpointError) -> SQLiteConnection {
        let connection = try SQLiteConnection(path: path)
        connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        // Before the first query: if the file proves damaged, closing must not delete its WAL.
        keepWALFile(connection)
        _ = multinet_sqlite_no_checkpoint_on_close(connection.handle)
        connection.activity = "switching to write-ahead logging"
        // A fresh file switched by several processes at once, one killed halfway, can
        // make SQLite lose a race on the rollback journal: the switch is simply retried.
        let modes = try connection.retryingWhileBusy(alsoRetrying: \.isLostFileRace) { () throws(CheckpointError) in
            try connection.query("PRAGMA journal_mode = WAL") { row in row.text(0) }
        }
        guard modes.first?.lowercased() == "wal" else {
            throw .walUnavailable(path: path, journalMode: modes.first ?? "")
        }
        connection.activity = "configuring the connection"
        // synchronous=NORMAL: commits are atomic and survive a killed process, but only the
        // write-ahead record of an ADD (a `durable` write, see `write(_:durable:_:)`) is
        // fsynced before it returns. See the type's documentation for why that is enough.
        try connection.execute("""
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            PRAGMA journal_size_limit = \(journalSizeLimit);
            PRAGMA wal_autocheckpoint = \(walAutocheckpointPages);
            """)
        try connection.migrate(to: migrations, now: now)
        try CheckpointFileSystem.restrict(path + "-wal", store: path)
        try CheckpointFileSystem.restrict(path + "-shm", store: path)
        connection.activity = "using the database"
        return connection
    }

    /// Keeps the `-wal` and `-shm` files when the last connection closes (the WAL is
    /// truncated instead, once `journal_size_limit` is set). Every plugin run would
    /// otherwise delete and recreate them, paying a directory fsync each time; they keep
    /// their 0600 mode; and a damaged database's WAL survives to be moved aside with it.
    private static func keepWALFile(_ connection: SQLiteConnection) {
        var persist: Int32 = 1
        _ = sqlite3_file_control(connection.handle, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
    }
}
