/// One finished CNI operation, or one delegate call inside it, as the plugin records it
/// for the node agent's metrics (`multinet_operations_total`,
/// `multinet_operation_duration_seconds`, `multinet_delegate_duration_seconds`). Carries
/// no pod, namespace or container: metrics labels stay bounded.
public struct OperationSample: Sendable, Equatable {
    /// How an operation ended.
    public enum Outcome: String, Sendable, CaseIterable {
        /// Exit 0.
        case success
        /// A CNI error.
        case failure
    }

    /// The row's ID once stored (increasing; 0 before), what the agent's reads resume after.
    public var id: Int64
    /// `add`, `del`, `check` or `gc`.
    public var command: String
    /// The delegate's `type` for one delegate call; `nil` for the whole operation.
    public var plugin: String?
    /// How it ended.
    public var outcome: Outcome
    /// How long it took, in microseconds.
    public var durationMicroseconds: Int64
    /// When it ended, in unix milliseconds.
    public var finishedAt: Int64

    /// A sample from its parts.
    public init(id: Int64 = 0, command: String, plugin: String? = nil, outcome: Outcome,
                durationMicroseconds: Int64, finishedAt: Int64) {
        self.id = id
        self.command = command
        self.plugin = plugin
        self.outcome = outcome
        self.durationMicroseconds = durationMicroseconds
        self.finishedAt = finishedAt
    }
}
