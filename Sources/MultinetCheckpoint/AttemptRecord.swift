/// One attempt in an attachment's history (for the inspector's details view).
public struct AttemptRecord: Sendable, Equatable {
    /// The attachment's container ID.
    public var containerID: String
    /// The attachment's runtime interface name.
    public var runtimeIfName: String
    /// The attachment's interface inside the pod.
    public var ifName: String
    /// What was attempted.
    public var operation: CheckpointOperation
    /// When the attempt started, in unix milliseconds.
    public var startedAt: Int64
    /// How long it took; `nil` while it runs, or when the process died before it ended.
    public var durationMs: Int64?
    /// The error it ended with; `nil` for a success (or an attempt that has not ended).
    public var error: String?

    /// An attempt with every field given.
    public init(
        containerID: String,
        runtimeIfName: String,
        ifName: String,
        operation: CheckpointOperation,
        startedAt: Int64,
        durationMs: Int64?,
        error: String?
    ) {
        self.containerID = containerID
        self.runtimeIfName = runtimeIfName
        self.ifName = ifName
        self.operation = operation
        self.startedAt = startedAt
        self.durationMs = durationMs
        self.error = error
    }
}
