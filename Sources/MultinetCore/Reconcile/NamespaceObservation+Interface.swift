import MultinetNetlink

extension NamespaceObservation {
    /// The link called `name` in a present netns and its addresses (prefix notation, IPv6
    /// link-local left out: the kernel's own, never in a CNI result); `nil` when the netns
    /// is gone or unknown or has no such link.
    public func interface(_ name: String) -> (link: KernelLink, prefixes: [String])? {
        guard case .present(let links, let addresses) = self, let link = links.first(where: { $0.name == name }) else {
            return nil
        }
        let prefixes = addresses.filter { $0.interfaceIndex == link.index && !Reconciler.isLinkLocal($0.prefix.address) }
            .map(\.prefix.description)
        return (link, prefixes)
    }
}
