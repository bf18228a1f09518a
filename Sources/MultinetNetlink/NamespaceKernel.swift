import MultinetCNI

/// Access to the kernel's view of a network namespace: its interfaces, addresses and
/// routes, and changes to its routes. ``NetlinkKernel`` is the real one; tests use a fake.
public protocol NamespaceKernel: Sendable {
    /// A session in the namespace at `netns` (a `CNI_NETNS` path).
    func session(netns: String) throws(NetlinkError) -> any KernelSession
}

/// One open connection to a namespace's kernel state; used by one thread at a time.
public protocol KernelSession: AnyObject {
    /// Every interface.
    func links() throws(NetlinkError) -> [KernelLink]
    /// Every IPv4 and IPv6 address, or those of one family.
    func addresses(family: IPAddress.Family?) throws(NetlinkError) -> [KernelAddress]
    /// Every IPv4 and IPv6 route of every table, or those of one family.
    func routes(family: IPAddress.Family?) throws(NetlinkError) -> [KernelRoute]
    /// Adds a route.
    func add(_ route: KernelRoute) throws(NetlinkError)
    /// Removes exactly this route.
    func delete(_ route: KernelRoute) throws(NetlinkError)
}

/// The kernel over netlink: a `NETLINK_ROUTE` socket made inside the namespace (no process
/// is forked and no `ip` binary is needed).
public struct NetlinkKernel: NamespaceKernel {
    /// The netlink kernel access.
    public init() {}

    public func session(netns: String) throws(NetlinkError) -> any KernelSession {
        try NetlinkSocket.open(inNamespaceAt: netns)
    }
}

extension NetlinkSocket: KernelSession {}
