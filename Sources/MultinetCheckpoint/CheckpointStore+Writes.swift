import MultinetSystem

extension CheckpointStore {
    /// How many attempts each attachment's history keeps (the newest).
    static let historyLimit = 50

    /// Write-ahead record of an ADD about to run; committed durably before it returns, so
    /// the caller can then run the delegate.
    ///
    /// Inserts or replaces the record keyed (`containerID`, `runtimeIfName`, `ifName`) with
    /// the given fields in state `.adding`, last operation `.add`. `attempts` is the previous
    /// count plus one when the previous operation was also an ADD, otherwise 1; `createdAt`
    /// is kept if the record existed, else now; `updatedAt` is now; error, result and last
    /// duration are cleared. The record's own bookkeeping fields are ignored. Also opens an
    /// attempt in the history (duration `nil` until it ends).
    ///
    /// An existing record is replaced only from a state ``AttachmentLifecycle`` allows
    /// ``AttachmentEvent/addStarted`` from; otherwise this throws `.transitionRefused` and
    /// writes nothing.
    public func recordAddStarted(_ record: AttachmentRecord) throws(CheckpointError) {
        let time = now()
        let replaceable = Self.allowedStatesCondition(.addStarted, column: "attachments.state").map { "\n    WHERE \($0)" } ?? ""
        let key = AttachmentKey(record)
        try write("recording the start of an ADD", durable: true) { () throws(CheckpointError) in
            let changed = try connection.run(
                """
                INSERT INTO attachments (
                    container_id, runtime_ifname, ifname, position, is_default, netns,
                    pod_namespace, pod_name, pod_uid, network, network_namespace, network_kind,
                    config, cni_path, cni_args, state, result, error, last_operation, attempts,
                    created_at, updated_at, last_duration_ms, origin
                ) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                          NULL, NULL, ?17, 1, ?18, ?18, NULL, ?19)
                ON CONFLICT (container_id, runtime_ifname, ifname) DO UPDATE SET
                    position = excluded.position, is_default = excluded.is_default,
                    netns = excluded.netns, pod_namespace = excluded.pod_namespace,
                    pod_name = excluded.pod_name, pod_uid = excluded.pod_uid,
                    network = excluded.network, network_namespace = excluded.network_namespace,
                    network_kind = excluded.network_kind, config = excluded.config,
                    cni_path = excluded.cni_path, cni_args = excluded.cni_args,
                    state = excluded.state, result = NULL, error = NULL,
                    attempts = CASE WHEN last_operation = excluded.last_operation THEN attempts + 1 ELSE 1 END,
                    last_operation = excluded.last_operation,
                    updated_at = excluded.updated_at, last_duration_ms = NULL,
                    origin = excluded.origin\(replaceable)
                """,
                [
                    .text(record.containerID), .text(record.runtimeIfName), .text(record.ifName),
                    SQLiteValue(record.position), .integer(record.isDefault ? 1 : 0), .text(record.netns),
                    .text(record.podNamespace), .text(record.podName), .text(record.podUID),
                    .text(record.network), .text(record.networkNamespace), .text(record.networkKind),
                    .blob(record.config), .text(record.cniPath), .text(record.cniArgs),
                    .text(AttachmentState.adding.rawValue), .text(CheckpointOperation.add.rawValue), .integer(time),
                    .text(record.origin.rawValue),
                ]
            )
            try requireTransition(changed, key, .addStarted)
            try appendAttempt(key, .add, startedAt: time, durationMs: nil, error: nil)
        }
    }

    /// Records a successful ADD: state `.attached`, the delegate's result kept, the open
    /// attempt closed. Refused (`.transitionRefused`, nothing written) on a record a DEL has
    /// claimed (`deleting`, `del_failed`) or one rolled back (`add_failed`).
    public func recordAddSucceeded(
        containerID: String, runtimeIfName: String, ifName: String, result: [UInt8], durationMs: Int64
    ) throws(CheckpointError) {
        let key = AttachmentKey(containerID, runtimeIfName, ifName)
        try finish(key, .addSucceeded, "recording a successful ADD", result: result, error: nil, durationMs: durationMs)
    }

    /// Records a failed ADD: state `.addFailed` with the error; the config bytes stay so a
    /// DEL can still clean up whatever the delegate did. Refused (`.transitionRefused`,
    /// nothing written) on a record a DEL has claimed (`deleting`, `del_failed`).
    public func recordAddFailed(
        containerID: String, runtimeIfName: String, ifName: String, error: String, durationMs: Int64
    ) throws(CheckpointError) {
        let key = AttachmentKey(containerID, runtimeIfName, ifName)
        try finish(key, .addFailed, "recording a failed ADD", result: nil, error: error, durationMs: durationMs)
    }

    /// Write-ahead record of a DEL about to run: state `.deleting`, attempts counted as for
    /// ADD, error cleared (the ADD result is kept: DEL replays it as `prevResult`), and an
    /// attempt opened in the history. Allowed from every state a record can be in
    /// (``AttachmentLifecycle``); without a record, `.recordMissing`.
    public func recordDelStarted(containerID: String, runtimeIfName: String, ifName: String) throws(CheckpointError) {
        let key = AttachmentKey(containerID, runtimeIfName, ifName)
        let time = now()
        let event = AttachmentEvent.delStarted
        let allowed = Self.allowedStatesCondition(event).map { " AND \($0)" } ?? ""
        try write("recording the start of a DEL") { () throws(CheckpointError) in
            let changed = try connection.run(
                """
                UPDATE attachments SET state = ?1, error = NULL,
                    attempts = CASE WHEN last_operation = ?5 THEN attempts + 1 ELSE 1 END,
                    last_operation = ?5, updated_at = ?6, last_duration_ms = NULL
                WHERE container_id = ?2 AND runtime_ifname = ?3 AND ifname = ?4\(allowed)
                """,
                [SQLiteValue(event.target?.rawValue)] + key.bindings
                    + [.text(CheckpointOperation.del.rawValue), .integer(time)]
            )
            try requireTransition(changed, key, event)
            try appendAttempt(key, .del, startedAt: time, durationMs: nil, error: nil)
        }
    }

    /// Records a failed DEL: state `.delFailed` with the error, the open attempt closed.
    /// Allowed from every state a record can be in: teardown goes on when its
    /// ``recordDelStarted(containerID:runtimeIfName:ifName:)`` fails, and its failure must
    /// still be recorded (see ``AttachmentLifecycle/allows(_:from:)``).
    public func recordDelFailed(
        containerID: String, runtimeIfName: String, ifName: String, error: String, durationMs: Int64
    ) throws(CheckpointError) {
        let key = AttachmentKey(containerID, runtimeIfName, ifName)
        try finish(key, .delFailed, "recording a failed DEL", result: nil, error: error, durationMs: durationMs)
    }

    /// Records a finished CHECK (`error` `nil` for success) in the history and the record's
    /// error field; state, attempts and last operation are unchanged. A successful CHECK
    /// clears the error only of an attached record, so a failure's message is never lost.
    public func recordCheck(
        containerID: String, runtimeIfName: String, ifName: String, error: String?, durationMs: Int64
    ) throws(CheckpointError) {
        try recordSideOperation(.check, "recording a CHECK", containerID: containerID, runtimeIfName: runtimeIfName,
                                ifName: ifName, error: error, durationMs: durationMs)
    }

    /// Records the write of the pod's `network-status` annotation after an ADD (`error` `nil`
    /// for success) on the default attachment, as ``recordCheck(containerID:runtimeIfName:ifName:error:durationMs:)``
    /// does for CHECK: a failed write leaves the attachment attached, with the error shown.
    public func recordStatusWrite(
        containerID: String, runtimeIfName: String, ifName: String, error: String?, durationMs: Int64
    ) throws(CheckpointError) {
        try recordSideOperation(.statusWrite, "recording the network-status write", containerID: containerID,
                                runtimeIfName: runtimeIfName, ifName: ifName, error: error, durationMs: durationMs)
    }

    /// Replaces the recorded results of one container's attached records, keyed by
    /// interface, in one transaction: after `default-route` moved the pod's default route,
    /// CHECK and DEL replay results that match the namespace. State and history are
    /// unchanged; an interface without an attached record is an error.
    public func replaceResults(containerID: String, runtimeIfName: String,
                               _ results: [(ifName: String, result: [UInt8])]) throws(CheckpointError) {
        try write("recording the results after setting the default route") { () throws(CheckpointError) in
            for (ifName, result) in results {
                let key = AttachmentKey(containerID, runtimeIfName, ifName)
                let changed = try connection.run(
                    "UPDATE attachments SET result = ?4 WHERE container_id = ?1 AND runtime_ifname = ?2 AND ifname = ?3 AND state = ?5",
                    key.bindings + [.blob(result), .text(AttachmentState.attached.rawValue)]
                )
                try requireRecord(changed, key)
            }
        }
    }

    /// An operation that does not change the attachment's state: history plus error field.
    private func recordSideOperation(
        _ operation: CheckpointOperation, _ activity: String,
        containerID: String, runtimeIfName: String, ifName: String, error: String?, durationMs: Int64
    ) throws(CheckpointError) {
        let key = AttachmentKey(containerID, runtimeIfName, ifName)
        let time = now()
        try write(activity) { () throws(CheckpointError) in
            let changed = try connection.run(
                """
                UPDATE attachments
                SET error = CASE WHEN ?1 IS NOT NULL THEN ?1 WHEN state = ?5 THEN NULL ELSE error END
                WHERE container_id = ?2 AND runtime_ifname = ?3 AND ifname = ?4
                """,
                [SQLiteValue(error)] + key.bindings + [.text(AttachmentState.attached.rawValue)]
            )
            try requireRecord(changed, key)
            try appendAttempt(key, operation, startedAt: time - durationMs, durationMs: durationMs, error: error)
        }
    }

    /// A successful DEL: removes the record and its history. Removing an unknown attachment
    /// succeeds (DEL of an unknown container must succeed); the lifecycle allows
    /// ``AttachmentEvent/delSucceeded`` from every state.
    public func removeAttachment(containerID: String, runtimeIfName: String, ifName: String) throws(CheckpointError) {
        let key = AttachmentKey(containerID, runtimeIfName, ifName)
        let event = AttachmentEvent.delSucceeded
        let allowed = Self.allowedStatesCondition(event).map { " AND \($0)" } ?? ""
        try write("removing an attachment after a successful DEL") { () throws(CheckpointError) in
            let changed = try connection.run(
                "DELETE FROM attachments WHERE container_id = ? AND runtime_ifname = ? AND ifname = ?\(allowed)", key.bindings
            )
            try requireTransition(changed, key, event)
            try connection.run(
                "DELETE FROM attempts WHERE container_id = ? AND runtime_ifname = ? AND ifname = ?", key.bindings
            )
        }
    }

    /// Ends an attempt by `event`: sets the record's state to the one it leads to, result
    /// (ADD success only), error, time and duration, and closes the newest open attempt of
    /// the event's operation. A record in a state the lifecycle does not allow `event` from
    /// is left unchanged (`.transitionRefused`).
    private func finish(
        _ key: AttachmentKey, _ event: AttachmentEvent, _ activity: String,
        result: [UInt8]?, error: String?, durationMs: Int64
    ) throws(CheckpointError) {
        let time = now()
        let operation = event.operation
        let allowed = Self.allowedStatesCondition(event).map { " AND \($0)" } ?? ""
        try write(activity) { () throws(CheckpointError) in
            let changed = try connection.run(
                """
                UPDATE attachments
                SET state = ?4, result = CASE WHEN ?5 IS NULL THEN result ELSE ?5 END, error = ?6,
                    updated_at = ?7, last_duration_ms = ?8
                WHERE container_id = ?1 AND runtime_ifname = ?2 AND ifname = ?3\(allowed)
                """,
                key.bindings + [SQLiteValue(event.target?.rawValue), SQLiteValue(result), SQLiteValue(error), .integer(time),
                                .integer(durationMs)]
            )
            try requireTransition(changed, key, event)
            let closed = try connection.run(
                """
                UPDATE attempts SET duration_ms = ?5, error = ?6
                WHERE id = (SELECT max(id) FROM attempts
                            WHERE container_id = ?1 AND runtime_ifname = ?2 AND ifname = ?3
                              AND operation = ?4 AND duration_ms IS NULL)
                """,
                key.bindings + [.text(operation.rawValue), .integer(durationMs), SQLiteValue(error)]
            )
            if closed == 0 {
                try appendAttempt(key, operation, startedAt: time - durationMs, durationMs: durationMs, error: error)
            }
        }
    }

    /// Adds an attempt to the history and drops all but the newest `historyLimit`.
    private func appendAttempt(
        _ key: AttachmentKey, _ operation: CheckpointOperation, startedAt: Int64, durationMs: Int64?, error: String?
    ) throws(CheckpointError) {
        try connection.run(
            """
            INSERT INTO attempts (container_id, runtime_ifname, ifname, operation, started_at, duration_ms, error)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            key.bindings + [.text(operation.rawValue), .integer(startedAt), SQLiteValue(durationMs), SQLiteValue(error)]
        )
        try connection.run(
            """
            DELETE FROM attempts
            WHERE container_id = ?1 AND runtime_ifname = ?2 AND ifname = ?3
              AND id <= (SELECT id FROM attempts
                         WHERE container_id = ?1 AND runtime_ifname = ?2 AND ifname = ?3
                         ORDER BY id DESC LIMIT 1 OFFSET ?4)
            """,
            key.bindings + [SQLiteValue(Self.historyLimit)]
        )
    }

    /// Throws `.recordMissing` when an update matched no record.
    private func requireRecord(_ changed: Int, _ key: AttachmentKey) throws(CheckpointError) {
        guard changed > 0 else {
            throw .recordMissing(
                path: path, activity: connection.activity,
                containerID: key.containerID, runtimeIfName: key.runtimeIfName, ifName: key.ifName
            )
        }
    }

    /// Runs `body` in one write transaction, naming `activity` in errors. The commit is
    /// atomic and survives a killed process; a `durable` one is also fsynced (with every
    /// commit before it) before this returns, so it survives a power loss.
    func write(_ activity: String, durable: Bool = false,
                       _ body: () throws(CheckpointError) -> Void) throws(CheckpointError) {
        let start = MonotonicClock.nanoseconds()
        defer { phases?.record(durable ? "store.write-durable" : "store.write", nanoseconds: MonotonicClock.nanoseconds() &- start) }
        connection.activity = activity
        if durable { try setSynchronous("FULL") }
        defer { if durable { try? setSynchronous("NORMAL") } }
        var carried: [OperationSample] = []
        do throws(CheckpointError) {
            try connection.writeTransaction { () throws(CheckpointError) in
                try body()
                carried = try insertPendingOperations()
            }
        } catch {
            operationLog?.restore(carried)
            throw error
        }
    }

    /// Sets `PRAGMA synchronous` for the following commits.
    private func setSynchronous(_ mode: String) throws(CheckpointError) {
        try connection.execute("PRAGMA synchronous = \(mode)")
    }
}
