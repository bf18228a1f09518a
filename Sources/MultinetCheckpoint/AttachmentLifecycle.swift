/// The lifecycle of one attachment record, as a state machine over ``AttachmentState``
/// (`nil` is "no record": before the first ADD, and gone after a successful DEL) and
/// ``AttachmentEvent``:
///
///     no record ─addStarted→ adding ─addSucceeded→ attached ─delStarted→ deleting ─delSucceeded→ gone
///                              │                      │                    │
///                          addFailed         addFailed (rolled back)    delFailed
///                              ↓                      ↓                    ↓
///                          add_failed ─delStarted→ deleting            del_failed ─delStarted (retry)→ deleting
///
/// plus the steps the table in ``allows(_:from:)`` lists with its reasons. The checkpoint
/// store consults it inside the transaction of every write that changes a state and
/// refuses what it does not allow (``CheckpointError/transitionRefused(path:activity:key:state:event:)``).
///
/// The table is what multinet's own writers do, crashes and retries included: ADD, its
/// rollback and the clean-up of an earlier failed ADD (`Multinet.attach`,
/// `clearStaleRecords`, `rollBack`), and the teardown behind DEL, GC, stale records and
/// the inspector's retry (`Multinet.teardown`). Every event leads to the one state
/// ``AttachmentEvent/target`` names; the machine decides only whether it may happen.
public struct AttachmentLifecycle: Sendable, Hashable {
    /// The attachment whose lifecycle this is.
    public let key: AttachmentKey
    /// Where the attachment stands; `nil` when it has no record.
    public private(set) var state: AttachmentState?

    /// The lifecycle of `key`'s attachment, now in `state` (`nil`: no record).
    public init(key: AttachmentKey, state: AttachmentState?) {
        self.key = key
        self.state = state
    }

    /// Moves to the state `event` leads to, or throws and stays where it was.
    public mutating func apply(_ event: AttachmentEvent) throws(AttachmentTransitionError) {
        state = try Self.transition(of: key, from: state, on: event)
    }

    /// The transition function: the state `key`'s attachment is in after `event` in `state`
    /// (`nil` before and after: no record), or the refusal, naming the key, the state and
    /// the event.
    public static func transition(
        of key: AttachmentKey, from state: AttachmentState?, on event: AttachmentEvent
    ) throws(AttachmentTransitionError) -> AttachmentState? {
        guard allows(event, from: state) else {
            guard let state else { throw .noRecord(key: key, event: event) }
            throw .notAllowed(key: key, state: state, event: event)
        }
        return event.target
    }

    /// The states of an existing record that allow `event`, in ``AttachmentState/allCases``
    /// order (the store's `WHERE state IN (…)`).
    public static func allowedStates(before event: AttachmentEvent) -> [AttachmentState] {
        AttachmentState.allCases.filter { allows(event, from: $0) }
    }

    /// The table: whether `event` may happen to a record in `state` (`nil`: no record).
    /// Written out per event, every state named, so that the compiler checks every pair is
    /// decided.
    public static func allows(_ event: AttachmentEvent, from state: AttachmentState?) -> Bool {
        switch event {
        case .addStarted:
            switch state {
            // The first ADD of the key; and an ADD again over a record a killed ADD left, or
            // one that failed (retried ADD: attempts counted, the new config taken).
            case nil, .adding, .addFailed: true
            // Odd, kept: an ADD replaces a record whose DEL was started and never finished.
            // In production `clearStaleRecords` tears such a record down before the ADD, so
            // the write finds no record; the store has always allowed it, and a test relies
            // on it (the attempts count restarting after a DEL).
            case .deleting: true
            // A second ADD without DEL is an error (`clearStaleRecords` refuses it first);
            // and a failed teardown's record keeps the config its retry needs: it must be
            // torn down, not overwritten.
            case .attached, .delFailed: false
            }
        case .addSucceeded:
            switch state {
            // The delegate's ADD succeeded.
            case .adding: true
            // Odd, kept: the result of an attached record written again. Nothing in the
            // plugin does it, but it claims nothing another writer holds, and the bench's
            // `store-touch` (a plugin's write as the inspector sees it) and tests rely on it.
            case .attached: true
            // A rolled-back ADD is not attached again; and a DEL that claimed the record
            // while the ADD ran (`deleting`, `del_failed`) decides what happens to it.
            case nil, .addFailed, .deleting, .delFailed: false
            }
        case .addFailed:
            switch state {
            // The delegate's ADD failed, or rollback undid the attachment (from `attached`
            // when a later attachment of the same ADD failed).
            case .adding, .attached: true
            // Odd, kept: a failed ADD recorded as failed again (the error replaced). Nothing
            // in the plugin does it; it claims nothing, and a test relies on it.
            case .addFailed: true
            // A DEL claimed the record while the ADD ran: its outcome decides.
            case nil, .deleting, .delFailed: false
            }
        case .delStarted:
            switch state {
            // Teardown works from the record alone and starts from whatever state it is in:
            // DEL of an attached record; DEL or GC after a rolled-back ADD (`add_failed`),
            // after an ADD that was killed (`adding`) or after a DEL that was killed
            // (`deleting`, attempts counted); a rollback whose DEL failed (`adding`,
            // `attached`); and the retry of a failed teardown (`del_failed`).
            case .adding, .attached, .addFailed, .deleting, .delFailed: true
            case nil: false
            }
        case .delSucceeded:
            switch state {
            // A successful DEL removes the record whatever it said; DEL of an attachment
            // with no record succeeds (the CNI spec asks it of an unknown container).
            case nil, .adding, .attached, .addFailed, .deleting, .delFailed: true
            }
        case .delFailed:
            switch state {
            // The delegate's DEL failed.
            case .deleting: true
            // Odd, kept: teardown goes on when its write-ahead `recordDelStarted` fails (a
            // store error it ignores), so the failure may find the record still in the
            // state before it. It must still be recorded: a failed teardown left looking
            // attached would be neither listed as failed nor retried by the inspector.
            case .adding, .attached, .addFailed, .delFailed: true
            case nil: false
            }
        }
    }
}
