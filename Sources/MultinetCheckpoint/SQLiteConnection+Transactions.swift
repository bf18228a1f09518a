#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CSQLite

extension SQLiteConnection {
    /// Runs `body` in a write transaction and commits it.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock up front, so concurrent writers queue on the
    /// busy timeout here rather than failing with `SQLITE_BUSY` halfway through. SQLite
    /// skips its busy handler in a few cases (WAL recovery by another process), so `BEGIN`
    /// is also retried until the timeout has passed. Any error rolls back.
    func writeTransaction<Value>(_ body: () throws(CheckpointError) -> Value) throws(CheckpointError) -> Value {
        try retryingWhileBusy { () throws(CheckpointError) in try execute("BEGIN IMMEDIATE") }
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            rollBackIfOpen()
            throw error
        }
    }

    /// Runs `body` again, after a short randomized sleep, while it fails with
    /// `SQLITE_BUSY` (or an error `alsoRetrying` accepts) and the busy timeout has not
    /// passed. Only for idempotent work.
    func retryingWhileBusy<Value>(
        alsoRetrying: (CheckpointError) -> Bool = { _ in false },
        _ body: () throws(CheckpointError) -> Value
    ) throws(CheckpointError) -> Value {
        let deadline = Self.monotonicMilliseconds() + Int64(busyTimeoutMilliseconds)
        while true {
            do {
                return try body()
            } catch where (error.isBusy || alsoRetrying(error)) && Self.monotonicMilliseconds() < deadline {
                usleep(UInt32.random(in: 1_000...10_000))
            }
        }
    }

    /// Rolls back the open transaction, if SQLite did not already roll it back.
    private func rollBackIfOpen() {
        guard sqlite3_get_autocommit(handle) == 0 else { return }
        _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
    }

    private static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }
}
