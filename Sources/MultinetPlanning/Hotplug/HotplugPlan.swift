/// What a changed selection annotation asks of a running pod: the interfaces to detach
/// (first), the networks to attach and on which interface, and the interfaces that stay.
public struct HotplugPlan: Sendable, Equatable {
    /// One network to attach.
    public struct Addition: Sendable, Equatable {
        /// The element of the annotation.
        public var selection: NetworkSelection
        /// The interface it gets.
        public var ifName: String

        /// An addition from its parts.
        public init(selection: NetworkSelection, ifName: String) {
            self.selection = selection
            self.ifName = ifName
        }
    }

    /// Interfaces that stay as they are (the default network's and the node's
    /// `defaultNetworks` always among them).
    public var keep: [AttachedInterface]
    /// Interfaces to detach, in the order found.
    public var detach: [AttachedInterface]
    /// Networks to attach, in the annotation's order.
    public var attach: [Addition]

    /// A plan from its parts.
    public init(keep: [AttachedInterface], detach: [AttachedInterface], attach: [Addition]) {
        self.keep = keep
        self.detach = detach
        self.attach = attach
    }

    /// Whether the pod already has what it asks for.
    public var isEmpty: Bool { detach.isEmpty && attach.isEmpty }
}
