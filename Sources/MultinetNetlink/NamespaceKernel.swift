import MultinetCNI

/// Access to the kernel's view of a network namespace: its interfaces, addresses and
/// routes, and changes to its routes. ``NetlinkKernel`` is the real one; tests use a fake.
public protocol NamespaceKernel: Sendable {
    /// A session in the namespace at `netns` (a `CNI_NETNS` path).
    func session(netns: String) throws(NetlinkError) -> any KernelSession
    /// A session in the namespace at `netns` and a watch on its links and addresses,
    /// subscribed before anything is read through the session.
    func watchedSession(netns: String) throws(NetlinkError) -> (any KernelSession, any KernelChangeWatch)
}

/// Tells whether a namespace's links or addresses changed since it was last asked.
public protocol KernelChangeWatch: AnyObject {
    /// `true` when something changed (or it cannot tell) since the last call.
    func changed() -> Bool
}

/// A watch that cannot tell: every question is answered "changed".
public final class UnwatchedKernel: KernelChangeWatch {
    /// The watch.
    public init() {}

    public func changed() -> Bool { true }
}

extension NamespaceKernel {
    /// A session in the namespace at `netns` and a watch on its links and addresses; by
    /// default a watch that always says "changed".
    public func watchedSession(netns: String) throws(NetlinkError) -> (any KernelSession, any KernelChangeWatch) {
        (try session(netns: netns), UnwatchedKernel())
    }
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

    /// A socket in the namespace and a ``NetlinkChangeWatch`` on its links and addresses.
    public func watchedSession(netns: String) throws(NetlinkError) -> (any KernelSession, any KernelChangeWatch) {
        try NetlinkSocket.openWatched(inNamespaceAt: netns)
    }
}

extension NetlinkSocket: KernelSession {}
