/// What `/healthz` and `/readyz` answer, from the last cycle.
public struct AgentHealth: Sendable, Equatable {
    /// Unix milliseconds when the last cycle finished; `nil` before the first.
    public var lastCycle: Int64?
    /// Why the agent is not ready (the store unreadable, the apiserver not answering);
    /// `nil` when it is.
    public var notReady: String?

    /// Health from its parts.
    public init(lastCycle: Int64? = nil, notReady: String? = "the first cycle has not finished") {
        self.lastCycle = lastCycle
        self.notReady = notReady
    }
}
