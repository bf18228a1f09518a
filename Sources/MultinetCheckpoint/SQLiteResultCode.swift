internal import CSQLite

/// Names and classes of SQLite result codes, for error messages and recovery decisions.
enum SQLiteResultCode {
    /// The symbolic name of a (possibly extended) result code's primary code, e.g. `SQLITE_BUSY`.
    static func name(of code: Int32) -> String {
        names[code & 0xFF] ?? "SQLITE_ERROR_\(code & 0xFF)"
    }

    /// `SQLITE_IOERR_DELETE_NOENT`: SQLite removed a side file (a rollback journal) that
    /// another process had removed first. Seen while a fresh store is switched to WAL by
    /// several processes at once, one of them killed halfway; the operation can be retried.
    static let ioErrorDeleteNoEntry: Int32 = SQLITE_IOERR | (23 << 8)

    /// Whether `code` is a race on a side file another process won (see ``ioErrorDeleteNoEntry``).
    static func isLostFileRace(_ code: Int32) -> Bool {
        code == ioErrorDeleteNoEntry
    }

    /// `SQLITE_BUSY` or one of its extended codes.
    static func isBusy(_ code: Int32) -> Bool {
        code & 0xFF == SQLITE_BUSY
    }

    /// `SQLITE_NOTADB`, `SQLITE_CORRUPT` or one of their extended codes.
    static func isCorruption(_ code: Int32) -> Bool {
        code & 0xFF == SQLITE_NOTADB || code & 0xFF == SQLITE_CORRUPT
    }

    private static let names: [Int32: String] = [
        SQLITE_OK: "SQLITE_OK", SQLITE_ERROR: "SQLITE_ERROR", SQLITE_INTERNAL: "SQLITE_INTERNAL",
        SQLITE_PERM: "SQLITE_PERM", SQLITE_ABORT: "SQLITE_ABORT", SQLITE_BUSY: "SQLITE_BUSY",
        SQLITE_LOCKED: "SQLITE_LOCKED", SQLITE_NOMEM: "SQLITE_NOMEM", SQLITE_READONLY: "SQLITE_READONLY",
        SQLITE_INTERRUPT: "SQLITE_INTERRUPT", SQLITE_IOERR: "SQLITE_IOERR", SQLITE_CORRUPT: "SQLITE_CORRUPT",
        SQLITE_NOTFOUND: "SQLITE_NOTFOUND", SQLITE_FULL: "SQLITE_FULL", SQLITE_CANTOPEN: "SQLITE_CANTOPEN",
        SQLITE_PROTOCOL: "SQLITE_PROTOCOL", SQLITE_EMPTY: "SQLITE_EMPTY", SQLITE_SCHEMA: "SQLITE_SCHEMA",
        SQLITE_TOOBIG: "SQLITE_TOOBIG", SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT", SQLITE_MISMATCH: "SQLITE_MISMATCH",
        SQLITE_MISUSE: "SQLITE_MISUSE", SQLITE_NOLFS: "SQLITE_NOLFS", SQLITE_AUTH: "SQLITE_AUTH",
        SQLITE_FORMAT: "SQLITE_FORMAT", SQLITE_RANGE: "SQLITE_RANGE", SQLITE_NOTADB: "SQLITE_NOTADB",
        SQLITE_NOTICE: "SQLITE_NOTICE", SQLITE_WARNING: "SQLITE_WARNING", SQLITE_ROW: "SQLITE_ROW",
        SQLITE_DONE: "SQLITE_DONE",
    ]
}
