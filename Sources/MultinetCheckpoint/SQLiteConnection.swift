#if canImport(Glibc)
import Glibc
#endif
internal import CSQLite

/// One SQLite connection to the checkpoint database.
///
/// Opened with `SQLITE_OPEN_NOMUTEX`: a connection belongs to one store, and a store to
/// one thread at a time (neither type is `Sendable`). Concurrency between plugin
/// processes is SQLite's file locking, not shared connections.
final class SQLiteConnection {
    /// The database file, named in every error.
    let path: String
    /// The raw connection.
    let handle: OpaquePointer
    /// What the store is doing; errors name it ("recording a failed ADD").
    var activity = "opening the database"
    /// How long to wait for another process's lock before giving up.
    private(set) var busyTimeoutMilliseconds: Int32 = 0

    /// Opens (creating if needed) the database file at `path`.
    convenience init(path: String) throws(CheckpointError) {
        try self.init(path: path, opening: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX)
    }

    /// Opens `name` (a path, or a `file:` URI with `SQLITE_OPEN_URI`) with explicit flags;
    /// errors name `path`.
    init(path: String, opening name: String, flags: Int32) throws(CheckpointError) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            let code = db.map { sqlite3_extended_errcode($0) } ?? rc
            _ = sqlite3_close_v2(db)
            throw .sqlite(path: path, activity: "opening the database", statement: "sqlite3_open_v2", code: code, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        self.handle = db
        self.path = path
    }

    deinit {
        // Every statement holds its connection, so none is left to finalize here.
        _ = sqlite3_close_v2(handle)
    }

    /// Sets the busy handler: a lock wait sleeps and retries (``busyRetryMicroseconds(attempt:)``),
    /// for up to `milliseconds` in all.
    ///
    /// SQLite's own `sqlite3_busy_timeout` backs off to sleeps of 25–100 ms, so with many
    /// plugin processes writing at once (every pod of a node starting together) a writer
    /// would oversleep locks that are held for about a millisecond. Retrying every 0.5 ms
    /// for as long as the wait lasts has the opposite fault: with 150 writers waiting, their
    /// retries take more CPU than the two cores have, from the delegates and from the
    /// writer holding the lock.
    func setBusyTimeout(milliseconds: Int32) {
        busyTimeoutMilliseconds = max(0, milliseconds)
        sqlite3_busy_handler(handle, Self.busyHandler, UnsafeMutableRawPointer(bitPattern: Int(busyTimeoutMilliseconds)))
    }

    /// How long the busy handler sleeps before retry `attempt` (0 for the first), in
    /// microseconds: 0.5 ms eight times, 1 ms eight times, 2 ms eight times, then 4 ms.
    static func busyRetryMicroseconds(attempt: Int32) -> Int64 {
        500 << Int64(min(max(attempt, 0) / 8, 3))
    }

    /// How long the busy handler has slept before retry `attempt`, in microseconds (the
    /// sum of the sleeps before it).
    static func busyWaitedMicroseconds(before attempt: Int32) -> Int64 {
        let attempt = Int64(max(attempt, 0))
        let steps = min(attempt / 8, 3)
        // Each completed step of eight retries sleeps 8 × 500 × 2^step.
        let full = (0..<steps).reduce(Int64(0)) { $0 + 8 * (500 << $1) }
        return full + (attempt - steps * 8) * (500 << steps)
    }

    /// SQLite's busy callback: the context is the timeout in milliseconds (as a pointer's
    /// bit pattern), `count` how often this wait has already been retried. Returns 1 to
    /// retry (after sleeping, ±25 % so that waiters spread out), 0 to give up with
    /// `SQLITE_BUSY`.
    static let busyHandler: @convention(c) (UnsafeMutableRawPointer?, Int32) -> Int32 = { context, count in
        let timeout = Int64(Int(bitPattern: context))
        guard SQLiteConnection.busyWaitedMicroseconds(before: count) < timeout * 1_000 else { return 0 }
        let sleep = SQLiteConnection.busyRetryMicroseconds(attempt: count)
        usleep(UInt32(Int64.random(in: sleep * 3 / 4...sleep * 5 / 4)))
        return 1
    }

    /// Runs one or more SQL statements without parameters (pragmas, migration scripts).
    func execute(_ sql: String) throws(CheckpointError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard rc == SQLITE_OK else {
            throw failure(rc, statement: sql, message: message.map { String(cString: $0) })
        }
    }

    /// Runs one statement with `bindings` to completion; returns the number of rows it changed.
    @discardableResult
    func run(_ sql: String, _ bindings: [SQLiteValue] = []) throws(CheckpointError) -> Int {
        let statement = try SQLiteStatement(sql, on: self)
        try statement.bind(bindings)
        while try statement.step() {}
        return Int(sqlite3_changes(handle))
    }

    /// Runs one query with `bindings` and maps every row it returns.
    func query<Row>(
        _ sql: String,
        _ bindings: [SQLiteValue] = [],
        row: (SQLiteStatement) throws(CheckpointError) -> Row
    ) throws(CheckpointError) -> [Row] {
        let statement = try SQLiteStatement(sql, on: self)
        try statement.bind(bindings)
        var rows: [Row] = []
        while try statement.step() {
            rows.append(try row(statement))
        }
        return rows
    }

    /// The error for a failed call: SQLite's code and message, the store's activity and
    /// the statement (whitespace condensed, shortened).
    func failure(_ code: Int32, statement: String, message: String? = nil) -> CheckpointError {
        .sqlite(
            path: path,
            activity: activity,
            statement: Self.condensed(statement),
            code: code,
            message: message ?? String(cString: sqlite3_errmsg(handle))
        )
    }

    private static func condensed(_ sql: String) -> String {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        let text = words.joined(separator: " ")
        return text.count > 160 ? "`\(text.prefix(157))...`" : "`\(text)`"
    }
}
