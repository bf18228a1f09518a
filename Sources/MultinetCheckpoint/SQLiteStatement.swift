internal import CSQLite

/// A prepared statement, finalized when released.
///
/// It keeps its connection alive, so a connection is never closed with a statement open.
final class SQLiteStatement {
    /// The raw statement.
    let handle: OpaquePointer
    /// The SQL it was prepared from, named in errors.
    let sql: String
    private let connection: SQLiteConnection

    /// Prepares `sql` on `connection`.
    init(_ sql: String, on connection: SQLiteConnection) throws(CheckpointError) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            _ = sqlite3_finalize(statement)
            throw connection.failure(rc == SQLITE_OK ? SQLITE_MISUSE : rc, statement: sql)
        }
        self.handle = statement
        self.sql = sql
        self.connection = connection
    }

    deinit {
        _ = sqlite3_finalize(handle)
    }

    /// Binds `values` to parameters 1, 2, …; text and blobs are copied (`SQLITE_TRANSIENT`).
    func bind(_ values: [SQLiteValue]) throws(CheckpointError) {
        let transient = multinet_sqlite_transient()
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null:
                rc = sqlite3_bind_null(handle, index)
            case .integer(let number):
                rc = sqlite3_bind_int64(handle, index, number)
            case .text(let text):
                rc = sqlite3_bind_text64(handle, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
            case .blob(let bytes) where bytes.isEmpty:
                // A NULL data pointer would bind SQL NULL; an empty blob is not NULL.
                rc = sqlite3_bind_zeroblob(handle, index, 0)
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob64(handle, index, buffer.baseAddress, UInt64(buffer.count), transient)
                }
            }
            guard rc == SQLITE_OK else { throw connection.failure(rc, statement: sql) }
        }
    }

    /// Advances; `true` when a row is available, `false` when the statement is done.
    func step() throws(CheckpointError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let rc: throw connection.failure(rc, statement: sql)
        }
    }

    /// The column's value in the current row, whatever its storage class (a REAL, which
    /// the store never writes, is read as an integer).
    func value(_ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: .null
        case SQLITE_INTEGER, SQLITE_FLOAT: .integer(int64(column))
        case SQLITE_TEXT: .text(text(column))
        default: .blob(blob(column))
        }
    }

    /// Whether the column in the current row is NULL.
    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    /// An integer column (NULL reads as 0).
    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// An integer column, `nil` for NULL.
    func optionalInt64(_ column: Int32) -> Int64? {
        isNull(column) ? nil : int64(column)
    }

    /// A text column (NULL reads as `""`); invalid UTF-8 is repaired, never trapped on.
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// A text column, `nil` for NULL.
    func optionalText(_ column: Int32) -> String? {
        isNull(column) ? nil : text(column)
    }

    /// A blob column's exact bytes (NULL reads as empty).
    func blob(_ column: Int32) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// A blob column, `nil` for NULL.
    func optionalBlob(_ column: Int32) -> [UInt8]? {
        isNull(column) ? nil : blob(column)
    }
}
