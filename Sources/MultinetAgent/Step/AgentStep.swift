import MultinetCore
import MultinetJSON

/// The agent's reconcile loop as a pure step: the state and one cycle's observation in, the
/// next state and the actions out. The runtime (``Agent``) does the reading and acting;
/// tables test this without a store, an apiserver or a kernel.
public enum AgentStep {
    /// Plans one cycle.
    ///
    /// - Drift is stamped by the state's tracker; an unreadable cluster (`drift == nil`)
    ///   forgets nothing and reclaims nothing.
    /// - With `reclaim`, sandboxes whose every attachment has been `pod-gone` and
    ///   `netns-gone` for the grace are reclaimed (``ReclaimPlanner``).
    /// - With `publishNodeLabels`, the merge patch from the node's labels to the usable
    ///   networks' (``NodeNetworkLabels``), when both are known.
    public static func plan(_ state: inout AgentState, _ observation: AgentObservation,
                            settings: AgentSettings) -> AgentPlan {
        var plan = AgentPlan(drift: nil, reclaims: [], labelPatch: nil, countedThrough: nil)
        if let last = observation.operations.last?.id, last > state.lastOperationID {
            state.lastOperationID = last
            plan.countedThrough = last
        }
        if let drift = observation.drift {
            let stamped = state.tracker.observe(drift, at: observation.now)
            plan.drift = stamped
            if settings.reclaim {
                plan.reclaims = ReclaimPlanner.due(stamped, records: observation.records, now: observation.now,
                                                   graceMilliseconds: Int64(settings.reclaimAfterSeconds * 1000))
            }
        }
        if settings.publishNodeLabels, let usable = observation.usableNetworks, let labels = observation.nodeLabels {
            plan.labelPatch = NodeNetworkLabels.patch(current: labels, desired: NodeNetworkLabels.desired(usable: usable))
        }
        return plan
    }
}
