extension CheckpointStore {
    /// How many samples the store keeps at most; older ones are dropped when a write adds
    /// more (an agent that never runs must not let the store grow without bound).
    public static let operationLimit: Int64 = 100_000

    /// Writes the samples pending in ``operationLog`` in the current transaction. Called by
    /// every write, so samples ride on commits the plugin makes anyway.
    func insertPendingOperations() throws(CheckpointError) -> [OperationSample] {
        guard let log = operationLog else { return [] }
        let samples = log.drain()
        guard !samples.isEmpty else { return [] }
        do throws(CheckpointError) {
            for sample in samples {
                try connection.run(
                    "INSERT INTO operations (command, plugin, result, duration_us, finished_at) VALUES (?, ?, ?, ?, ?)",
                    [.text(sample.command), SQLiteValue(sample.plugin), .text(sample.outcome.rawValue),
                     .integer(sample.durationMicroseconds), .integer(sample.finishedAt)])
            }
            try connection.run(
                "DELETE FROM operations WHERE id <= (SELECT max(id) FROM operations) - ?",
                [.integer(Self.operationLimit)])
        } catch {
            log.restore(samples)
            throw error
        }
        return samples
    }

    /// Commits the samples still pending in ``operationLog`` (those the operation's own
    /// writes did not carry: its outcome, known only at its end). A commit with
    /// `synchronous=NORMAL`, which in WAL mode writes to the WAL without an fsync; nothing
    /// happens when nothing is pending.
    public func flushOperations() throws(CheckpointError) {
        guard let log = operationLog, !log.isEmpty else { return }
        try write("recording the operation's outcome") { () throws(CheckpointError) in }
    }

    /// The samples stored after `id`, oldest first, at most `limit`.
    public func operations(after id: Int64, limit: Int = 10_000) throws(CheckpointError) -> [OperationSample] {
        connection.activity = "reading recorded operations"
        return try connection.query(
            "SELECT id, command, plugin, result, duration_us, finished_at FROM operations WHERE id > ? ORDER BY id LIMIT ?",
            [.integer(id), .integer(Int64(limit))]
        ) { row throws(CheckpointError) in
            let text = row.text(3)
            guard let outcome = OperationSample.Outcome(rawValue: text) else {
                throw .invalidValue(path: path, column: "operations.result", value: text)
            }
            return OperationSample(id: row.int64(0), command: row.text(1), plugin: row.optionalText(2), outcome: outcome,
                                   durationMicroseconds: row.int64(4), finishedAt: row.int64(5))
        }
    }

    /// The highest sample ID ever stored (pruned ones included), 0 for none: a reader that
    /// counted further than this is reading a different store (a new or salvaged one).
    public func latestOperationID() throws(CheckpointError) -> Int64 {
        connection.activity = "reading recorded operations"
        return try connection.query("SELECT seq FROM sqlite_sequence WHERE name = 'operations'") { $0.int64(0) }.first ?? 0
    }

    /// Deletes the samples up to and including `id` (the agent has counted them).
    public func pruneOperations(through id: Int64) throws(CheckpointError) {
        try write("pruning counted operations") { () throws(CheckpointError) in
            try connection.run("DELETE FROM operations WHERE id <= ?", [.integer(id)])
        }
    }

    /// Records that the agent reclaimed `containerID`'s attachments (they are gone with
    /// this commit's removals), so a runtime DEL that comes later knows there is nothing
    /// left to tear down. Tombstones older than `keepMilliseconds` are dropped.
    public func recordReclaimed(containerID: String, keepMilliseconds: Int64 = 7 * 24 * 3_600_000) throws(CheckpointError) {
        let time = now()
        try write("recording a reclaimed container") { () throws(CheckpointError) in
            try connection.run(
                "INSERT INTO reclaimed (container_id, reclaimed_at) VALUES (?, ?) ON CONFLICT (container_id) DO UPDATE SET reclaimed_at = excluded.reclaimed_at",
                [.text(containerID), .integer(time)])
            try connection.run("DELETE FROM reclaimed WHERE reclaimed_at < ?", [.integer(time - keepMilliseconds)])
        }
    }

    /// When the agent reclaimed `containerID`, or `nil` if it never did.
    public func reclaimedAt(containerID: String) throws(CheckpointError) -> Int64? {
        connection.activity = "reading reclaimed containers"
        return try connection.query("SELECT reclaimed_at FROM reclaimed WHERE container_id = ?", [.text(containerID)]) { row in
            row.int64(0)
        }.first
    }
}
