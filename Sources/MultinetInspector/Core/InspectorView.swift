/// The three tables of the inspector, in tab order (`1`, `2`, `3`).
public enum InspectorView: Int, Sendable, Equatable, Hashable, CaseIterable {
    /// Every network known on this node.
    case networks = 1
    /// Every interface of every pod of this node.
    case pods = 2
    /// Every attachment whose last ADD or DEL failed.
    case failures = 3

    /// The tab's title.
    public var title: String {
        switch self {
        case .networks: "Networks"
        case .pods: "Pods"
        case .failures: "Failures"
        }
    }

    /// The view after this one (wrapping).
    public var next: InspectorView { InspectorView(rawValue: rawValue % 3 + 1) ?? .networks }

    /// The view before this one (wrapping).
    public var previous: InspectorView { InspectorView(rawValue: (rawValue + 1) % 3 + 1) ?? .networks }
}
