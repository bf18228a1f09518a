import MultinetCore

/// The Events a hot-plug's report turns into (pure): one per interface added, removed or
/// failed, and one for a selection refused.
public enum HotplugEvents {
    /// `Normal`: an interface was attached into the running pod.
    public static let added = "AddedInterface"
    /// `Warning`: an attach failed and was rolled back.
    public static let failedAdding = "FailedAddingInterface"
    /// `Normal`: an interface was detached from the running pod.
    public static let removed = "RemovedInterface"
    /// `Warning`: a detach failed; the record stays as a failed teardown.
    public static let failedRemoving = "FailedRemovingInterface"
    /// `Warning`: the pod's new selection cannot be applied to the running pod.
    public static let refused = "HotplugRefused"

    /// One Event: its type, reason and message.
    public struct Event: Sendable, Equatable {
        /// `Normal` or `Warning`.
        public var type: String
        /// The reason.
        public var reason: String
        /// The message, naming the interface and network.
        public var message: String
    }

    /// The Events of `report`, detaches first (the order they ran in). A refusal other
    /// than the selection's (no sandbox yet, busy, store) posts none: it is tried again.
    public static func events(_ report: HotplugReport) -> [Event] {
        var events: [Event] = []
        if let refusal = report.refusal {
            if refusal.kind == .selection {
                events.append(Event(type: "Warning", reason: refused,
                                    message: "multinet-agent did not change the running pod's interfaces: \(refusal.message)"))
            }
            return events
        }
        let kinds = [
            (report.detached, removed, failedRemoving, "remove", "removed", "from",
             "its record stays as a failed teardown, retried by the runtime's DEL or multinet-inspect retry"),
            (report.attached, added, failedAdding, "add", "added", "to",
             "rolled back, the pod's other interfaces are unchanged"),
        ]
        for (changes, done, failed, verb, past, preposition, aftermath) in kinds {
            for change in changes {
                let interface = "interface \(change.ifName) (network \(change.network))"
                if let error = change.error {
                    events.append(Event(type: "Warning", reason: failed,
                                        message: "multinet-agent could not \(verb) \(interface): \(error); \(aftermath)"))
                } else {
                    events.append(Event(type: "Normal", reason: done,
                                        message: "multinet-agent \(past) \(interface) \(preposition) the running pod"))
                }
            }
        }
        return events
    }
}
