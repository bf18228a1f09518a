import MultinetCore

extension DriftKind {
    /// The one-line action the Drift view shows for this kind.
    public var action: String {
        switch self {
        case .podGone: "r: tear down the leak (CNI DEL with the recorded config)"
        case .netnsGone: "sandbox gone: the runtime's DEL is due; r once the pod is gone too"
        case .interfaceMissing: "removed out of band: delete the pod to re-attach"
        case .addressMismatch: "changed out of band: delete the pod to restore"
        case .macMismatch: "changed out of band: delete the pod to restore"
        case .unrecordedInterface: "added out of band: not multinet's, left alone"
        case .statusMismatch: "network-status is stale: check who else writes it"
        case .networkGone: "network deleted while attached: DEL uses the recorded config"
        }
    }

    /// Whether `r` acts on drift of this kind (a leak whose pod is gone).
    public var isReclaimable: Bool { self == .podGone }
}
