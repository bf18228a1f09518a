import MultinetCheckpoint

/// How one retried teardown ended.
public struct RetryOutcome: Sendable, Equatable {
    /// The record as it was before the retry.
    public var record: AttachmentRecord
    /// Why it failed again; `nil` when it was torn down and its record removed.
    public var error: String?

    /// An outcome.
    public init(record: AttachmentRecord, error: String?) {
        self.record = record
        self.error = error
    }

    /// Whether the teardown succeeded.
    public var succeeded: Bool { error == nil }
}
