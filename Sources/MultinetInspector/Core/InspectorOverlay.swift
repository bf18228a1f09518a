import MultinetCheckpoint

/// What is drawn over the table, if anything.
public enum InspectorOverlay: Sendable, Equatable {
    /// Nothing: the table has the keys.
    case none
    /// The key list, scrolled by `scroll` lines.
    case help(scroll: Int)
    /// The details of one row; `history` is `nil` until it is loaded.
    case details(RowID, history: [AttemptRecord]?, scroll: Int)
    /// Asks `y`/`n` before retrying a failed teardown.
    case confirmRetry(RetryTarget)
    /// The retry runs.
    case retrying(RetryTarget)
    /// Asks `y`/`n` before tearing down a pod-gone leak.
    case confirmReclaim(ReclaimTarget)
    /// The leak's teardown runs.
    case reclaiming(ReclaimTarget)
    /// How the retry ended.
    case outcome(message: String, success: Bool)
}
