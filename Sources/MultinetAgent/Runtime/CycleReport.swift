/// What one cycle did, for the log and for tests.
public struct CycleReport: Sendable, Equatable {
    /// Operation samples counted into the metrics.
    public var operationsCounted = 0
    /// Records in the store.
    public var records = 0
    /// Current drift entries (`nil` when the cluster could not be read).
    public var drift: Int?
    /// Containers reclaimed.
    public var reclaimed: [String] = []
    /// Containers due but left (busy, not a leak any more, a failed teardown), with why.
    public var skipped: [String: String] = [:]
    /// Whether the node's labels were patched.
    public var patchedLabels = false
    /// Problems met (store, apiserver), one line each.
    public var problems: [String] = []

    /// An empty report.
    public init() {}
}
