/// Why a retry did not run at all.
public enum RetryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--read-only` was given.
    case readOnly
    /// The store has no record of the container.
    case unknownContainer(containerID: String, store: String)
    /// The container has records, but no failed teardown (on that interface).
    case nothingFailed(containerID: String, interface: String?)
    /// The store cannot be opened for writing.
    case storeNotWritable(store: String, reason: String)
    /// The store could not be read or written.
    case store(String)

    /// Whether this is the caller's mistake (exit status 2) rather than a failure (1).
    public var isUsageError: Bool {
        switch self {
        case .readOnly, .unknownContainer, .nothingFailed: true
        case .storeNotWritable, .store: false
        }
    }

    public var description: String {
        switch self {
        case .readOnly:
            "retry refused: --read-only was given"
        case let .unknownContainer(id, store):
            "container \(id) has no attachment recorded in \(store)"
        case let .nothingFailed(id, interface):
            "container \(id) has no failed teardown\(interface.map { " on interface \($0)" } ?? "") to retry"
        case let .storeNotWritable(store, reason):
            "retry refused: the checkpoint store \(store) is not writable (\(reason)); run as the user that owns it (usually root)"
        case let .store(message):
            message
        }
    }
}
