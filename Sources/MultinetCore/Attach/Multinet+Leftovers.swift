import MultinetCheckpoint
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// Before tearing down attachments that a killed multinet left half-done (state
    /// `adding` or `deleting`), waits for the plugins it left running for the container, and
    /// kills those that outlive `delegateTimeoutSeconds` (see ``LeftoverPlugins``): a
    /// leftover ADD finishing after the teardown would leave an interface and an address
    /// that nothing records.
    func settleLeftovers(of records: [AttachmentRecord], request: CNIRequest) {
        guard records.contains(where: { $0.state == .adding || $0.state == .deleting }) else { return }
        let containerID = request.environment.containerID
        let started = MonotonicClock.nanoseconds()
        let outcome = LeftoverPlugins.settle(containerID: containerID, timeoutSeconds: request.config.delegateTimeoutSeconds)
        guard !outcome.found.isEmpty else { return }
        logger.warning("plugins left running by an interrupted multinet were still at work for this container; waited for them before tearing down",
                       metadata: [
                           "container": .string(containerID),
                           "processes": .string(outcome.found.map(String.init).joined(separator: ",")),
                           "killed": .string(outcome.killed.map(String.init).joined(separator: ",")),
                           "ms": .string(String(Self.millisecondsSince(started))),
                       ])
    }
}
