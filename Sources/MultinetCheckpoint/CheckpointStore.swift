#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MultinetSystem

/// The crash-safe record of every attachment multinet made: `<stateDir>/multinet.db`.
///
/// It is the single source of truth for teardown and for the inspector (README, "The checkpoint store").
///
/// - **Durable write-ahead.** SQLite runs in WAL mode. Every write method commits
///   atomically before it returns, so nothing is lost when the process is killed. The
///   record of an ADD about to run its delegates (`recordAddStarted`) is also fsynced
///   (`synchronous=FULL` for that commit): it is what lets a later DEL release the IP
///   address the delegate may allocate, so it must survive a power loss too. Every other
///   write (the ADD's result, DEL and rollback states, removals) runs with
///   `synchronous=NORMAL`: a power loss can undo it, which only ever turns a record back
///   into one that is torn down again (DEL is idempotent), never loses one. Closing does
///   not checkpoint the WAL (SQLite's automatic checkpoints do, every 1,000 pages).
/// - **Many writers.** Every plugin process opens its own store. Writes take the lock up
///   front (`BEGIN IMMEDIATE`) and wait up to the busy timeout for other processes.
/// - **Private.** The directory is 0700, the database and its `-wal`/`-shm` files 0600.
/// - **Never silently deleted.** A file that is not a database, or is damaged when opened,
///   is moved aside (see `movedAside`) and a fresh database created, holding the records
///   that could still be read from the damaged one (see `salvage`).
///
/// Not `Sendable`: the store owns one SQLite connection opened without SQLite's own
/// mutex; use it from one thread at a time, and give each thread or process its own.
public final class CheckpointStore {
    /// The database's file name inside the state directory.
    public static let fileName = "multinet.db"

    /// The database file: `<directory>/multinet.db`.
    public let path: String

    /// The state directory.
    public let directory: String

    /// Set when an unreadable or corrupt database file (`SQLITE_NOTADB`/`SQLITE_CORRUPT` on
    /// open or on the first queries) was moved aside to `<path>.corrupt-<unixms>` and a fresh
    /// one created. The caller logs it. The store never deletes a database file.
    public var movedAside: String? { salvage?.movedTo }

    /// Set with ``movedAside``: how many attachment records were copied from the damaged
    /// file into the fresh one, and why the rest could not be.
    public private(set) var salvage: CheckpointSalvage?

    /// The connection every query runs on.
    let connection: SQLiteConnection

    /// Opened read-only with `immutable=1` (no WAL, no `-shm`): SQLite assumes the file
    /// never changes, so this store cannot see later writes.
    var isImmutable = false

    /// The wall clock, in unix milliseconds (injectable for tests).
    let now: @Sendable () -> Int64

    /// The operation samples (for the agent's metrics) that the next write carries into
    /// the store in its own transaction; `nil` records none.
    public var operationLog: OperationLog?

    /// Where write durations are recorded (`store.write`, `store.write-durable`), if anywhere.
    public var phases: PhaseClock?

    /// Opens (creating if needed) `<directory>/multinet.db`.
    ///
    /// Creates the directory with mode 0700 (and tightens an existing looser one to 0700),
    /// the database and its `-wal`/`-shm` files 0600. Sets WAL mode, `synchronous=NORMAL`,
    /// foreign keys and the busy timeout, then applies pending schema migrations.
    ///
    /// - Parameters:
    ///   - directory: The state directory.
    ///   - busyTimeoutMilliseconds: How long to wait for other processes' locks.
    ///   - now: The wall clock in unix milliseconds, for timestamps.
    public convenience init(
        directory: String,
        busyTimeoutMilliseconds: Int32 = 30_000,
        now: @escaping @Sendable () -> Int64 = CheckpointStore.wallClockMilliseconds
    ) throws(CheckpointError) {
        try self.init(
            directory: directory,
            busyTimeoutMilliseconds: busyTimeoutMilliseconds,
            now: now,
            migrations: CheckpointMigrations.all
        )
    }

    /// Opens the store with an explicit migration list (tests add steps to it).
    init(
        directory: String,
        busyTimeoutMilliseconds: Int32,
        now: @escaping @Sendable () -> Int64,
        migrations: [CheckpointMigration]
    ) throws(CheckpointError) {
        precondition(CheckpointMigrations.isWellFormed(migrations), "schema migrations must be numbered 1, 2, 3, … in order")
        let path = CheckpointFileSystem.join(directory, Self.fileName)
        try CheckpointFileSystem.prepareDirectory(directory, store: path)
        let (connection, salvage) = try Self.openRecovering(
            path: path,
            busyTimeoutMilliseconds: busyTimeoutMilliseconds,
            now: now,
            migrations: migrations
        )
        self.path = path
        self.directory = directory
        self.connection = connection
        self.salvage = salvage
        self.now = now
    }

    /// A store over an already opened connection (see `openReadOnly(directory:)`).
    init(path: String, directory: String, connection: SQLiteConnection, now: @escaping @Sendable () -> Int64) {
        self.path = path
        self.directory = directory
        self.connection = connection
        self.salvage = nil
        self.now = now
    }

    /// The current time in unix milliseconds (`CLOCK_REALTIME`).
    public static func wallClockMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// The highest schema migration applied to the database.
    public var schemaVersion: Int {
        get throws(CheckpointError) {
            connection.activity = "reading the schema version"
            return try connection.retryingWhileBusy { () throws(CheckpointError) in try connection.schemaVersion() }
        }
    }

    /// Runs SQLite's full `integrity_check`; returns `"ok"` when the database is healthy,
    /// otherwise SQLite's findings, one per line.
    public func integrityCheck() throws(CheckpointError) -> String {
        connection.activity = "checking database integrity"
        let lines = try connection.retryingWhileBusy { () throws(CheckpointError) in
            try connection.query("PRAGMA integrity_check") { row in row.text(0) }
        }
        return lines.joined(separator: "\n")
    }
}
