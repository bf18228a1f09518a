import MultinetNetlink

/// What the kernel says about one recorded netns.
public enum NamespaceObservation: Sendable, Equatable {
    /// It could not be read (no root, or not asked): no kernel drift is reported from it.
    case unknown
    /// The netns no longer exists.
    case gone
    /// Its links and addresses.
    case present(links: [KernelLink], addresses: [KernelAddress])
}
