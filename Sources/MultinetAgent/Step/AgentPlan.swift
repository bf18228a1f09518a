import MultinetCore
import MultinetJSON

/// What one cycle decided to do.
public struct AgentPlan: Sendable {
    /// The drift, each entry stamped with since when it has been seen; `nil` when unknown.
    public var drift: [DriftEntry]?
    /// Leaked sandboxes to tear down now.
    public var reclaims: [ReclaimPlanner.Candidate]
    /// The merge patch for the node's labels; `nil` when nothing changes.
    public var labelPatch: JSONValue?
    /// The last operation sample counted: the store may drop it and every one before it.
    public var countedThrough: Int64?
}
