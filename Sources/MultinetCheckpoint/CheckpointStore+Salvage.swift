internal import CSQLite

extension CheckpointStore {
    /// The attachment columns every schema version has (migrations only add).
    static let salvagedColumns = [
        "container_id", "runtime_ifname", "ifname", "position", "is_default", "netns", "pod_namespace", "pod_name",
        "pod_uid", "network", "network_namespace", "network_kind", "config", "cni_path", "cni_args", "state", "result",
        "error", "last_operation", "attempts", "created_at", "updated_at", "last_duration_ms",
    ]

    /// How many rowids in a row may be missing before probing a damaged table stops.
    static let salvageProbeGap: Int64 = 2_000

    /// Copies the attachment records still readable in the damaged database at `damaged`
    /// (opened read-only, never changed) into `connection`'s fresh database. The table is
    /// scanned; when the scan meets an unreadable page, every rowid is looked up on its own
    /// instead, so a lost page costs only the records on it. Records already present in the
    /// fresh database (written meanwhile by another process) win.
    static func salvage(from damaged: String, into connection: SQLiteConnection) -> CheckpointSalvage {
        var rows: [[SQLiteValue]] = []
        var problem: String?
        let select = "SELECT \(salvagedColumns.joined(separator: ", ")) FROM attachments"
        do {
            let source = try SQLiteConnection(path: damaged, opening: damaged,
                                              flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX)
            source.activity = "salvaging records from the damaged database"
            // Tolerate a damaged schema: read the tables whose pages are still there.
            try source.execute("PRAGMA writable_schema = ON")
            do {
                let statement = try SQLiteStatement(select, on: source)
                while try statement.step() {
                    rows.append((0..<Int32(salvagedColumns.count)).map { statement.value($0) })
                }
            } catch {
                problem = error.description
                rows = probeEachRow(select, on: source)
            }
        } catch {
            problem = problem ?? error.description
        }
        guard !rows.isEmpty else { return CheckpointSalvage(movedTo: damaged, records: 0, problem: problem) }
        let placeholders = Array(repeating: "?", count: salvagedColumns.count).joined(separator: ", ")
        let insert = "INSERT OR IGNORE INTO attachments (\(salvagedColumns.joined(separator: ", "))) VALUES (\(placeholders))"
        let previous = connection.activity
        connection.activity = "copying records salvaged from \(damaged)"
        defer { connection.activity = previous }
        do {
            let copied = try connection.writeTransaction { () throws(CheckpointError) -> Int in
                var copied = 0
                for row in rows { copied += try connection.run(insert, row) }
                return copied
            }
            return CheckpointSalvage(movedTo: damaged, records: copied, problem: problem)
        } catch {
            return CheckpointSalvage(movedTo: damaged, records: 0, problem: error.description)
        }
    }

    /// The rows of `select` found by looking up rowids 1, 2, … one at a time, until
    /// ``salvageProbeGap`` rowids in a row are missing or unreadable.
    private static func probeEachRow(_ select: String, on source: SQLiteConnection) -> [[SQLiteValue]] {
        guard let statement = try? SQLiteStatement(select + " WHERE rowid = ?", on: source) else { return [] }
        var rows: [[SQLiteValue]] = []
        var rowid: Int64 = 1
        var misses: Int64 = 0
        while misses < salvageProbeGap, rowid < Int64(Int32.max) {
            sqlite3_reset(statement.handle)
            var found = false
            if (try? statement.bind([.integer(rowid)])) != nil, (try? statement.step()) == true {
                rows.append((0..<Int32(salvagedColumns.count)).map { statement.value($0) })
                found = true
            }
            misses = found ? 0 : misses + 1
            rowid += 1
        }
        return rows
    }
}
