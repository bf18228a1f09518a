#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the checkpoint store could not do what was asked. Every case names the store's
/// database path, so a log line alone tells an operator which file to look at.
public enum CheckpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// SQLite refused: `code` is the extended result code, `message` SQLite's text,
    /// `activity` what the store was doing and `statement` the SQL (condensed) or API call.
    case sqlite(path: String, activity: String, statement: String, code: Int32, message: String)
    /// A file-system call failed on `file` (the directory, the database or a side file).
    case fileSystem(path: String, activity: String, file: String, errno: Int32)
    /// The state directory's path exists but is not a directory.
    case notADirectory(path: String, directory: String)
    /// SQLite would not switch to write-ahead logging (for example on a file system without
    /// shared memory support); concurrent writers would not be safe.
    case walUnavailable(path: String, journalMode: String)
    /// The database was migrated by a newer multinet; this one never downgrades it.
    case schemaTooNew(path: String, found: Int, supported: Int)
    /// An update named an attachment that has no record.
    case recordMissing(path: String, activity: String, containerID: String, runtimeIfName: String, ifName: String)
    /// A write would have moved `key`'s record from `state` by `event`, which the attachment
    /// lifecycle does not allow (``AttachmentLifecycle``); nothing was written.
    case transitionRefused(path: String, activity: String, key: AttachmentKey, state: AttachmentState, event: AttachmentEvent)
    /// A stored value is not one this version understands (for example an unknown state).
    case invalidValue(path: String, column: String, value: String)
    /// Another multinet process (the plugin's DEL, the agent's reclaim or hot-plug) held
    /// the container's lock for longer than the wait (``ContainerLock``).
    case containerLocked(path: String, containerID: String, waitedSeconds: Double)

    /// The database file the error is about.
    public var path: String {
        switch self {
        case .sqlite(let path, _, _, _, _), .fileSystem(let path, _, _, _), .notADirectory(let path, _),
             .walUnavailable(let path, _), .schemaTooNew(let path, _, _), .recordMissing(let path, _, _, _, _),
             .transitionRefused(let path, _, _, _, _), .invalidValue(let path, _, _),
             .containerLocked(let path, _, _):
            path
        }
    }

    /// The SQLite extended result code, for SQLite errors.
    public var sqliteCode: Int32? {
        if case .sqlite(_, _, _, let code, _) = self { return code }
        return nil
    }

    /// One line for logs and the inspector, starting with the store's path.
    public var description: String {
        switch self {
        case let .sqlite(path, activity, statement, code, message):
            "checkpoint store \(path): \(activity) failed: \(message) (\(SQLiteResultCode.name(of: code)) \(code), in \(statement))"
        case let .fileSystem(path, activity, file, errno):
            "checkpoint store \(path): \(activity) failed on \(file): \(String(cString: strerror(errno))) (errno \(errno))"
        case let .notADirectory(path, directory):
            "checkpoint store \(path): state directory \(directory) exists but is not a directory"
        case let .walUnavailable(path, journalMode):
            "checkpoint store \(path): SQLite refused write-ahead logging (journal mode stays \"\(journalMode)\"); "
                + "the state directory must be on a local file system"
        case let .schemaTooNew(path, found, supported):
            "checkpoint store \(path): database schema version \(found) is newer than this multinet supports "
                + "(\(supported)); refusing to downgrade it — upgrade multinet"
        case let .recordMissing(path, activity, containerID, runtimeIfName, ifName):
            "checkpoint store \(path): \(activity) failed: no attachment recorded for container \(containerID), "
                + "runtime interface \(runtimeIfName), interface \(ifName)"
        case let .transitionRefused(path, activity, key, state, event):
            "checkpoint store \(path): \(activity) refused: the attachment of \(key) is \(state.rawValue), "
                + "and its lifecycle does not allow \(event) from there; the record is unchanged"
        case let .invalidValue(path, column, value):
            "checkpoint store \(path): column \(column) holds \"\(value)\", which this multinet does not understand"
        case let .containerLocked(path, containerID, waited):
            "checkpoint store \(path): container \(containerID) is still locked by another multinet process (a DEL, "
                + "the agent's reclaim or a hot-plug) after waiting \(Int(waited)) s; retry when it has finished"
        }
    }

    /// Whether SQLite reported lock contention (`SQLITE_BUSY` and its extended codes).
    var isBusy: Bool {
        sqliteCode.map { SQLiteResultCode.isBusy($0) } ?? false
    }

    /// Whether SQLite lost a race on a side file to another process (retryable).
    var isLostFileRace: Bool {
        sqliteCode.map { SQLiteResultCode.isLostFileRace($0) } ?? false
    }

    /// Whether SQLite reported a file that is not a database or is damaged.
    var isCorruption: Bool {
        sqliteCode.map { SQLiteResultCode.isCorruption($0) } ?? false
    }
}
