extension CheckpointStore {
    /// The SQL condition on `column` (a record's state) that holds for exactly the states
    /// ``AttachmentLifecycle`` allows `event` from, or `nil` when it allows it from every
    /// state. The states are constants of this file's code, never input, so they are
    /// written into the statement; a write restricted by it changes no row when the record
    /// is missing or in a state that refuses the event (see ``requireTransition(_:_:_:)``).
    static func allowedStatesCondition(_ event: AttachmentEvent, column: String = "state") -> String? {
        let allowed = AttachmentLifecycle.allowedStates(before: event)
        guard allowed.count < AttachmentState.allCases.count else { return nil }
        return "\(column) IN (" + allowed.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }

    /// After the write of `event` to `key`'s record, restricted by
    /// ``allowedStatesCondition(_:column:)``, changed `changed` rows: when it changed none,
    /// reads the record's state (in the same transaction, by primary key) and throws the
    /// lifecycle's refusal: `.recordMissing` without a record, `.transitionRefused` naming
    /// the state and the event with one. The write itself stays one statement; the state is
    /// read only to explain a refusal. The one allowed write that changes nothing is the
    /// removal of an attachment that has no record.
    func requireTransition(_ changed: Int, _ key: AttachmentKey, _ event: AttachmentEvent) throws(CheckpointError) {
        guard changed == 0 else { return }
        let state = try recordedState(key)
        do throws(AttachmentTransitionError) {
            // Allowed here means no record and a removal: the condition admits every state
            // the lifecycle allows, so a record in one of them was changed.
            _ = try AttachmentLifecycle.transition(of: key, from: state, on: event)
        } catch {
            switch error {
            case .noRecord:
                throw .recordMissing(path: path, activity: connection.activity, containerID: key.containerID,
                                     runtimeIfName: key.runtimeIfName, ifName: key.ifName)
            case let .notAllowed(_, state, event):
                throw .transitionRefused(path: path, activity: connection.activity, key: key, state: state, event: event)
            }
        }
    }

    /// The state of `key`'s record, `nil` when it has none, `.invalidValue` when the stored
    /// state is not one this multinet knows.
    private func recordedState(_ key: AttachmentKey) throws(CheckpointError) -> AttachmentState? {
        let stored = try connection.query(
            "SELECT state FROM attachments WHERE container_id = ?1 AND runtime_ifname = ?2 AND ifname = ?3",
            key.bindings
        ) { row in row.text(0) }
        guard let text = stored.first else { return nil }
        guard let state = AttachmentState(rawValue: text) else {
            throw .invalidValue(path: path, column: "attachments.state", value: text)
        }
        return state
    }
}
