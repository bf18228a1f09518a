import CSQLite

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

    /// Sets SQLite's busy handler: lock waits sleep and retry for up to `milliseconds`.
    func setBusyTimeout(milliseconds: Int32) {
        busyTimeoutMilliseconds = max(0, milliseconds)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
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
