internal import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CheckpointStore {
    /// Opens `<directory>/multinet.db` for reading only, as the inspector does for its
    /// snapshots: nothing on disk is created, migrated, truncated or re-moded.
    ///
    /// - Returns `nil` when the directory or the database does not exist (an empty store).
    /// - The database is opened with `SQLITE_OPEN_READONLY` (`mode=ro`). When the `-shm`
    ///   file exists (the plugin keeps it), it is opened read-only too (`readonly_shm=1`):
    ///   SQLite then reads the WAL into private memory and writes nothing. When there is no
    ///   `-shm` but a non-empty `-wal` (a writer died before its first clean close), SQLite
    ///   needs to build the `-shm`; it may then create it in the directory.
    /// - No migration runs: a database written by a newer multinet is refused with
    ///   `schemaTooNew`; one without the schema yet reads as empty (`nil`).
    ///
    /// Write methods on the returned store fail with SQLite's "readonly database" error.
    public static func openReadOnly(directory: String,
                                    busyTimeoutMilliseconds: Int32 = 5_000) throws(CheckpointError) -> CheckpointStore? {
        let path = CheckpointFileSystem.join(directory, fileName)
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .fileSystem(path: path, activity: "opening the database read-only", file: path, errno: errno)
        }
        var shm = stat()
        var wal = stat()
        let hasSHM = stat(path + "-shm", &shm) == 0
        let walHasFrames = stat(path + "-wal", &wal) == 0 && wal.st_size > 0
        var parameters = "mode=ro"
        if hasSHM || !walHasFrames { parameters += "&readonly_shm=1" }
        if !hasSHM && !walHasFrames { parameters = "mode=ro&immutable=1" }
        let uri = "file:" + uriEscaped(path) + "?" + parameters
        let connection = try SQLiteConnection(path: path, opening: uri,
                                              flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX)
        connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        connection.activity = "reading the schema version"
        let version = try connection.retryingWhileBusy { () throws(CheckpointError) in try connection.schemaVersion() }
        let supported = CheckpointMigrations.all.count
        if version == 0 { return nil }
        if version > supported { throw .schemaTooNew(path: path, found: version, supported: supported) }
        connection.activity = "reading the database"
        let store = CheckpointStore(path: path, directory: directory, connection: connection,
                                    now: CheckpointStore.wallClockMilliseconds)
        store.isImmutable = parameters.hasSuffix("immutable=1")
        return store
    }

    /// SQLite's `PRAGMA data_version` on this connection: it changes when another
    /// connection (a plugin run, a retry) commits, and stays the same otherwise, so a reader
    /// that keeps its store open can tell whether its last read is still current.
    ///
    /// - Returns `nil` for a store opened `immutable` (there was no WAL and no `-shm`),
    ///   which cannot see later writes: open the store again to read them.
    public func dataVersion() throws(CheckpointError) -> Int64? {
        guard !isImmutable else { return nil }
        connection.activity = "checking for changes"
        return try connection.retryingWhileBusy { () throws(CheckpointError) in
            try connection.query("PRAGMA data_version") { row in row.int64(0) }.first
        }
    }

    /// `path` with the characters a `file:` URI gives meaning to percent-encoded.
    static func uriEscaped(_ path: String) -> String {
        var out: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "="):
                out += Array(("%" + String(byte, radix: 16, uppercase: true)).utf8)
            default:
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
