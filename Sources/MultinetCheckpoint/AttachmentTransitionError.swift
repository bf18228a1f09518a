/// Why ``AttachmentLifecycle`` refused an event.
public enum AttachmentTransitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `event` needs a record, and `key` has none.
    case noRecord(key: AttachmentKey, event: AttachmentEvent)
    /// `key`'s record is in `state`, which does not allow `event`.
    case notAllowed(key: AttachmentKey, state: AttachmentState, event: AttachmentEvent)

    /// The attachment the refusal is about.
    public var key: AttachmentKey {
        switch self {
        case .noRecord(let key, _), .notAllowed(let key, _, _): key
        }
    }

    /// The refused event.
    public var event: AttachmentEvent {
        switch self {
        case .noRecord(_, let event), .notAllowed(_, _, let event): event
        }
    }

    /// One line naming the attachment, its state and the event.
    public var description: String {
        switch self {
        case let .noRecord(key, event):
            "\(event) refused: no attachment recorded for \(key)"
        case let .notAllowed(key, state, event):
            "\(event) refused: the attachment of \(key) is \(state.rawValue), which does not allow it"
        }
    }
}
