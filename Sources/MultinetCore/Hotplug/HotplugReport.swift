/// What one hot-plug of a running pod did, interface by interface: what the agent turns
/// into Events (`AddedInterface`, `FailedAddingInterface`, `RemovedInterface`,
/// `FailedRemovingInterface`) and metrics.
public struct HotplugReport: Sendable, Equatable {
    /// One interface's outcome.
    public struct Change: Sendable, Equatable {
        /// The network, `namespace/name`.
        public var network: String
        /// The interface in the pod.
        public var ifName: String
        /// Why it failed; `nil` when it worked.
        public var error: String?

        /// A change from its parts.
        public init(network: String, ifName: String, error: String? = nil) {
            self.network = network
            self.ifName = ifName
            self.error = error
        }
    }

    /// Why a hot-plug did nothing.
    public struct Refusal: Sendable, Equatable {
        /// What kind of reason: whether a later try can do better.
        public enum Kind: Sendable, Equatable {
            /// No attached sandbox is recorded (not started yet, being set up, torn down):
            /// try again once it is.
            case noSandbox
            /// Another multinet process held the container too long: try again later.
            case busy
            /// The checkpoint store could not be read: try again later.
            case store
            /// The pod's selection cannot be applied to the running pod (unparsable, a
            /// changed default network, a kept interface renamed, a namespace refused): only
            /// a new selection can change that.
            case selection
        }

        /// The kind.
        public var kind: Kind
        /// Why, naming the pod and what is at fault.
        public var message: String

        /// A refusal.
        public init(_ kind: Kind, _ message: String) {
            self.kind = kind
            self.message = message
        }
    }

    /// The pod, `namespace/name`.
    public var pod: String
    /// Interfaces attached, or whose attach failed and was rolled back.
    public var attached: [Change] = []
    /// Interfaces detached, or whose detach failed (their records stay as failed teardowns).
    public var detached: [Change] = []
    /// Why nothing was done (the selection refused, no sandbox recorded, the container busy).
    public var refusal: Refusal?
    /// The pod's interfaces afterwards, as `network-status` lists them; `nil` when nothing changed.
    public var networkStatus: String?

    /// An empty report about `pod`.
    public init(pod: String) {
        self.pod = pod
    }

    /// Whether the pod's interfaces changed.
    public var changed: Bool {
        attached.contains { $0.error == nil } || detached.contains { $0.error == nil }
    }
}
