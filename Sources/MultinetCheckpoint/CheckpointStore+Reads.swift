extension CheckpointStore {
    /// The attachments multinet made for one runtime attachment, ordered by position.
    public func attachments(containerID: String, runtimeIfName: String) throws(CheckpointError) -> [AttachmentRecord] {
        try readAttachments(
            "listing a container's attachments",
            where: "WHERE container_id = ? AND runtime_ifname = ?",
            [.text(containerID), .text(runtimeIfName)]
        )
    }

    /// Every attachment of one container, ordered by runtime interface, then position.
    public func attachments(containerID: String) throws(CheckpointError) -> [AttachmentRecord] {
        try readAttachments("listing a container's attachments", where: "WHERE container_id = ?", [.text(containerID)])
    }

    /// One attachment, or `nil` when none is recorded under the key.
    public func attachment(containerID: String, runtimeIfName: String, ifName: String) throws(CheckpointError) -> AttachmentRecord? {
        try readAttachments(
            "reading an attachment",
            where: "WHERE container_id = ? AND runtime_ifname = ? AND ifname = ?",
            AttachmentKey(containerID, runtimeIfName, ifName).bindings
        ).first
    }

    /// Every attachment, ordered by container ID, runtime interface, then position.
    public func allAttachments() throws(CheckpointError) -> [AttachmentRecord] {
        try readAttachments("listing all attachments", where: "", [])
    }

    /// Every attachment, as ``allAttachments()`` orders them, for a reader that reads the
    /// store again and again (the inspector): a row that holds exactly what a record of
    /// `previous` (that reader's last result) holds — compared column by column, byte for
    /// byte, without decoding — is that record, reused; only new and changed rows are
    /// decoded.
    public func allAttachments(reusing previous: [AttachmentRecord]) throws(CheckpointError) -> [AttachmentRecord] {
        guard !previous.isEmpty else { return try allAttachments() }
        connection.activity = "listing all attachments"
        return try connection.retryingWhileBusy { () throws(CheckpointError) in
            // `previous` is in the query's order: walk it alongside the rows.
            var next = 0
            return try connection.query(Self.attachmentsQuery(where: "")) { row throws(CheckpointError) in
                while next < previous.count {
                    let candidate = previous[next]
                    let order = Self.compareOrder(row, candidate)
                    if order > 0 {
                        next += 1  // the candidate's row is gone
                        continue
                    }
                    if order == 0 {
                        next += 1
                        if Self.rowHolds(row, candidate) { return candidate }
                    }
                    break
                }
                return try attachmentRecord(row)
            }
        }
    }

    /// The attachments whose last ADD or DEL failed (`.addFailed` or `.delFailed`).
    public func failedAttachments() throws(CheckpointError) -> [AttachmentRecord] {
        try readAttachments(
            "listing failed attachments",
            where: "WHERE state IN (?, ?)",
            [.text(AttachmentState.addFailed.rawValue), .text(AttachmentState.delFailed.rawValue)]
        )
    }

    /// An attachment's attempts, oldest first (at most the newest 50 are kept).
    public func history(containerID: String, runtimeIfName: String, ifName: String) throws(CheckpointError) -> [AttemptRecord] {
        connection.activity = "reading an attachment's history"
        return try connection.retryingWhileBusy { () throws(CheckpointError) in
            try connection.query(
                """
                SELECT container_id, runtime_ifname, ifname, operation, started_at, duration_ms, error
                FROM attempts WHERE container_id = ? AND runtime_ifname = ? AND ifname = ? ORDER BY id
                """,
                AttachmentKey(containerID, runtimeIfName, ifName).bindings
            ) { row throws(CheckpointError) in
                AttemptRecord(
                    containerID: row.text(0),
                    runtimeIfName: row.text(1),
                    ifName: row.text(2),
                    operation: try decode(CheckpointOperation.self, row.text(3), column: "attempts.operation"),
                    startedAt: row.int64(4),
                    durationMs: row.optionalInt64(5),
                    error: row.optionalText(6)
                )
            }
        }
    }

    /// Runs a SELECT over `attachments` with `filter` and the store's ordering.
    private func readAttachments(
        _ activity: String, where filter: String, _ bindings: [SQLiteValue]
    ) throws(CheckpointError) -> [AttachmentRecord] {
        connection.activity = activity
        return try connection.retryingWhileBusy { () throws(CheckpointError) in
            try connection.query(Self.attachmentsQuery(where: filter), bindings) { row throws(CheckpointError) in
                try attachmentRecord(row)
            }
        }
    }

    /// The attachment columns in ``attachmentRecord(_:)``'s order, ordered by container,
    /// runtime interface, position and interface.
    private static func attachmentsQuery(where filter: String) -> String {
        """
        SELECT container_id, runtime_ifname, ifname, position, is_default, netns,
               pod_namespace, pod_name, pod_uid, network, network_namespace, network_kind,
               config, cni_path, cni_args, state, result, error, last_operation, attempts,
               created_at, updated_at, last_duration_ms, origin
        FROM attachments \(filter)
        ORDER BY container_id, runtime_ifname, position, ifname
        """
    }

    /// Where the row falls against `record` in the query's order: negative before, zero at
    /// the same key, positive after.
    private static func compareOrder(_ row: SQLiteStatement, _ record: AttachmentRecord) -> Int {
        var order = row.compareText(0, record.containerID)
        if order == 0 { order = row.compareText(1, record.runtimeIfName) }
        if order == 0 {
            let position = row.int64(3)
            order = position < Int64(record.position) ? -1 : position > Int64(record.position) ? 1 : 0
        }
        if order == 0 { order = row.compareText(2, record.ifName) }
        return order
    }

    /// Whether the row (at `record`'s key) holds exactly `record`, every column.
    private static func rowHolds(_ row: SQLiteStatement, _ record: AttachmentRecord) -> Bool {
        row.int64Equals(4, record.isDefault ? 1 : 0)
            && row.textEquals(5, record.netns)
            && row.textEquals(6, record.podNamespace)
            && row.textEquals(7, record.podName)
            && row.textEquals(8, record.podUID)
            && row.textEquals(9, record.network)
            && row.textEquals(10, record.networkNamespace)
            && row.textEquals(11, record.networkKind)
            && row.blobEquals(12, record.config, nullable: false)
            && row.textEquals(13, record.cniPath)
            && row.textEquals(14, record.cniArgs)
            && row.textEquals(15, record.state.rawValue)
            && row.blobEquals(16, record.result)
            && row.textEquals(17, record.error)
            && row.textEquals(18, record.lastOperation.rawValue)
            && row.int64Equals(19, Int64(record.attempts))
            && row.int64Equals(20, record.createdAt)
            && row.int64Equals(21, record.updatedAt)
            && row.int64Equals(22, record.lastDurationMs)
            && row.textEquals(23, record.origin.rawValue)
    }

    /// Decodes one row of `readAttachments`' column list.
    private func attachmentRecord(_ row: SQLiteStatement) throws(CheckpointError) -> AttachmentRecord {
        AttachmentRecord(
            containerID: row.text(0),
            runtimeIfName: row.text(1),
            ifName: row.text(2),
            position: Int(row.int64(3)),
            isDefault: row.int64(4) != 0,
            netns: row.text(5),
            podNamespace: row.text(6),
            podName: row.text(7),
            podUID: row.text(8),
            network: row.text(9),
            networkNamespace: row.text(10),
            networkKind: row.text(11),
            config: row.blob(12),
            cniPath: row.text(13),
            cniArgs: row.text(14),
            state: try decode(AttachmentState.self, row.text(15), column: "attachments.state"),
            result: row.optionalBlob(16),
            error: row.optionalText(17),
            lastOperation: try decode(CheckpointOperation.self, row.text(18), column: "attachments.last_operation"),
            attempts: Int(row.int64(19)),
            createdAt: row.int64(20),
            updatedAt: row.int64(21),
            lastDurationMs: row.optionalInt64(22),
            origin: try decode(AttachmentOrigin.self, row.text(23), column: "attachments.origin")
        )
    }

    /// A stored enumeration value, or `.invalidValue` naming the column.
    private func decode<Value: RawRepresentable<String>>(
        _ type: Value.Type, _ text: String, column: String
    ) throws(CheckpointError) -> Value {
        guard let value = Value(rawValue: text) else {
            throw .invalidValue(path: path, column: column, value: text)
        }
        return value
    }
}
