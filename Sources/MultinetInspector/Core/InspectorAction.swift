import MultinetCheckpoint

/// Everything that can happen to the inspector.
public enum InspectorAction: Sendable, Equatable {
    /// The operator pressed a key.
    case key(Key)
    /// A refresh produced a new snapshot.
    case snapshot(InspectorSnapshot)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// An attempt history asked for by ``InspectorEffect/loadHistory(containerID:runtimeIfName:ifName:)`` arrived.
    case historyLoaded(AttachmentKey, [AttemptRecord])
    /// A retry asked for by ``InspectorEffect/retry(containerID:ifName:)`` ended.
    case retryFinished(containerID: String, ifName: String, success: Bool, message: String)
    /// A teardown asked for by ``InspectorEffect/reclaim(containerID:)`` ended.
    case reclaimFinished(containerID: String, success: Bool, message: String)
    /// Time passed: ages are computed against `now` (unix milliseconds).
    case tick(now: Int64)
}
