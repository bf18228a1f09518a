/// What the reducer asks the outside world to do; the backend runs it and feeds the
/// answer back as an ``InspectorAction``.
public enum InspectorEffect: Sendable, Equatable {
    /// Leave the interface.
    case quit
    /// Retry the failed teardown of one attachment, then send
    /// ``InspectorAction/retryFinished(containerID:ifName:success:message:)``.
    case retry(containerID: String, ifName: String)
    /// Read one attachment's attempt history from the store, then send
    /// ``InspectorAction/historyLoaded(_:_:)``.
    case loadHistory(containerID: String, runtimeIfName: String, ifName: String)
    /// Tear down every recorded attachment of a container whose pod is gone (the DEL
    /// code path), then send ``InspectorAction/reclaimFinished(containerID:success:message:)``.
    case reclaim(containerID: String)
}
