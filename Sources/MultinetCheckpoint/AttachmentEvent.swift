/// One step of an attachment's lifecycle: a write of the checkpoint store that moves the
/// record to another state (see ``AttachmentLifecycle`` for which states allow which).
///
/// A retry is not an event of its own. An ADD retried over the record of an earlier one
/// is ``addStarted`` again, and a teardown retried (the runtime's next DEL, GC or the
/// inspector's `retry`) is ``delStarted`` again from `del_failed`; the lifecycle allows
/// each explicitly from the states it can come from.
public enum AttachmentEvent: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The write-ahead record of an ADD about to run its delegate (`recordAddStarted`).
    case addStarted
    /// The delegate's ADD succeeded (`recordAddSucceeded`).
    case addSucceeded
    /// The delegate's ADD failed, or an attachment was rolled back (`recordAddFailed`).
    case addFailed
    /// The write-ahead record of a DEL about to run its delegate (`recordDelStarted`).
    case delStarted
    /// The delegate's DEL succeeded: the record is removed (`removeAttachment`).
    case delSucceeded
    /// The delegate's DEL failed (`recordDelFailed`).
    case delFailed

    /// The state every allowed occurrence of the event leads to, whatever the state before;
    /// `nil` for ``delSucceeded``, which removes the record. The lifecycle decides only
    /// whether the event may happen, so the store can write the new state in a single
    /// `UPDATE` restricted to the states allowed before it.
    public var target: AttachmentState? {
        switch self {
        case .addStarted: .adding
        case .addSucceeded: .attached
        case .addFailed: .addFailed
        case .delStarted: .deleting
        case .delSucceeded: nil
        case .delFailed: .delFailed
        }
    }

    /// The CNI operation the event is a step of; its attempt in the history is of this one.
    public var operation: CheckpointOperation {
        switch self {
        case .addStarted, .addSucceeded, .addFailed: .add
        case .delStarted, .delSucceeded, .delFailed: .del
        }
    }

    /// The event in words, as errors name it ("a successful ADD").
    public var description: String {
        switch self {
        case .addStarted: "the start of an ADD"
        case .addSucceeded: "a successful ADD"
        case .addFailed: "a failed ADD"
        case .delStarted: "the start of a DEL"
        case .delSucceeded: "a successful DEL"
        case .delFailed: "a failed DEL"
        }
    }
}
