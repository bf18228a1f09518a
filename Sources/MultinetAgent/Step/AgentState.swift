import MultinetCore

/// What the agent remembers between cycles.
public struct AgentState: Sendable {
    /// Since when each drift has been seen.
    public var tracker = DriftTracker()
    /// The newest operation sample counted.
    public var lastOperationID: Int64 = 0

    /// A state that has seen nothing.
    public init() {}
}
