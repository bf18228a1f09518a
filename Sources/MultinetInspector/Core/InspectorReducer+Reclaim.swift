import MultinetCore

extension InspectorReducer {
    /// `r` on a Drift row: a pod-gone leak asks for confirmation; any other drift says what to do.
    static func askReclaim(_ drift: DriftEntry, _ state: inout InspectorState) -> [InspectorEffect] {
        guard drift.kind.isReclaimable else {
            state.lastError = "r tears down pod-gone leaks only; \(drift.kind.rawValue): \(drift.kind.action)"
            return []
        }
        let records = state.snapshot?.pods.filter { $0.containerID == drift.containerID }.flatMap(\.attachments) ?? []
        guard !records.isEmpty else {
            state.lastError = "\(drift.containerID.prefix(12)) has no recorded attachment any more"
            return []
        }
        let pod = drift.pod.isEmpty ? String(drift.containerID.prefix(12)) : "\(drift.namespace)/\(drift.pod)"
        state.overlay = .confirmReclaim(ReclaimTarget(
            containerID: drift.containerID, pod: pod,
            attachments: records.sorted { $0.position < $1.position }.map { "\($0.ifName) (\($0.qualifiedNetwork))" },
            reason: drift.detail))
        return []
    }

    static func confirmReclaimKey(_ key: Key, _ target: ReclaimTarget, _ state: inout InspectorState) -> [InspectorEffect] {
        switch key {
        case .char("y"), .char("Y"):
            guard !state.readOnly else {
                state.overlay = .none
                state.lastError = "read-only: teardown is disabled"
                return []
            }
            state.overlay = .reclaiming(target)
            return [.reclaim(containerID: target.containerID)]
        case .char("n"), .char("N"), .escape, .char("q"):
            state.overlay = .none
        default: break
        }
        return []
    }
}
