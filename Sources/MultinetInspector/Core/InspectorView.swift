/// The tables of the inspector, in tab order (`1` … `5`).
public enum InspectorView: Int, Sendable, Equatable, Hashable, CaseIterable {
    /// Every network known on this node.
    case networks = 1
    /// Every interface of every pod of this node.
    case pods = 2
    /// Every attachment whose last ADD or DEL failed.
    case failures = 3
    /// Where the cluster, the store, the kernel and the config disagree.
    case drift = 4
    /// Events about this node's pods, multinet's first.
    case events = 5

    /// The tab's title.
    public var title: String {
        switch self {
        case .networks: "Networks"
        case .pods: "Pods"
        case .failures: "Failures"
        case .drift: "Drift"
        case .events: "Events"
        }
    }

    /// The view after this one (wrapping).
    public var next: InspectorView { InspectorView(rawValue: rawValue % Self.allCases.count + 1) ?? .networks }

    /// The view before this one (wrapping).
    public var previous: InspectorView {
        InspectorView(rawValue: (rawValue + Self.allCases.count - 2) % Self.allCases.count + 1) ?? .networks
    }

    /// The view a `:` command names (`:nets`, `:pods`, `:fail`, `:drift`, `:events`, and
    /// their long forms), or `nil`.
    public init?(command: String) {
        switch command {
        case "nets", "net", "networks": self = .networks
        case "pods", "pod", "po": self = .pods
        case "fail", "failures": self = .failures
        case "drift": self = .drift
        case "events", "event", "ev": self = .events
        default: return nil
        }
    }
}
