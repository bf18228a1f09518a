internal import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Comparing the current row's columns with values already decoded, without decoding the
/// columns: byte for byte, as SQLite's `BINARY` collation orders text.
extension SQLiteStatement {
    /// The order of a text column's bytes against `string`'s UTF-8: negative, zero or
    /// positive (NULL orders as empty text).
    func compareText(_ column: Int32, _ string: String) -> Int {
        let bytes = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        var string = string
        return string.withUTF8 { utf8 in
            let common = min(count, utf8.count)
            if common > 0, let bytes, let base = utf8.baseAddress {
                let order = memcmp(bytes, base, common)
                if order != 0 { return Int(order) }
            }
            return count - utf8.count
        }
    }

    /// Whether a text column holds exactly `string`'s UTF-8 (`nil`: whether it is NULL).
    func textEquals(_ column: Int32, _ string: String?) -> Bool {
        guard let string else { return isNull(column) }
        return !isNull(column) && compareText(column, string) == 0
    }

    /// Whether a blob column holds exactly `bytes` (`nil`: whether it is NULL; a NOT NULL
    /// column's NULL equals no bytes, as ``blob(_:)`` reads it).
    func blobEquals(_ column: Int32, _ bytes: [UInt8]?, nullable: Bool = true) -> Bool {
        let null = isNull(column)
        guard let bytes else { return null }
        if null { return !nullable && bytes.isEmpty }
        let pointer = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count == bytes.count else { return false }
        guard count > 0, let pointer else { return true }
        return bytes.withUnsafeBytes { memcmp(pointer, $0.baseAddress!, count) == 0 }
    }

    /// Whether an integer column holds `value` (`nil`: whether it is NULL).
    func int64Equals(_ column: Int32, _ value: Int64?) -> Bool {
        guard let value else { return isNull(column) }
        return !isNull(column) && int64(column) == value
    }
}
