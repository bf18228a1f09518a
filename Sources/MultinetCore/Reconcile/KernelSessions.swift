import MultinetNetlink
import MultinetSystem
import Synchronization

/// Netlink sessions kept open per netns path across observations: a socket made inside a
/// namespace stays in it, so a refresh asks each netns for its links and addresses
/// without entering it again, and a second socket subscribed to the namespace's link and
/// address changes lets it skip even that when nothing changed since. A session is reused only while the path still names the
/// same namespace file (device and inode): a netns deleted and made again under the same
/// name gets a new session, never the old namespace's view.
final class KernelSessions: Sendable {
    private struct Kept {
        var identity: FileIdentity
        var session: any KernelSession
        var watch: any KernelChangeWatch
        var view: NamespaceObservation
    }

    /// Sessions by netns path. A `KernelSession` is used by one thread at a time: every
    /// use happens inside the lock.
    private let kept = Mutex<[String: Kept]>([:])

    /// The links and addresses of the netns at `path` (which names `identity`): the kept
    /// view when its watch saw no change, else read again with the kept session; a kept
    /// session that fails is replaced by a new one, once.
    func read(_ path: String, identity: FileIdentity,
              kernel: any NamespaceKernel) throws(NetlinkError) -> NamespaceObservation {
        try kept.withLock { (kept: inout [String: Kept]) throws(NetlinkError) -> NamespaceObservation in
            if var current = kept[path], current.identity == identity {
                if !current.watch.changed() { return current.view }
                do throws(NetlinkError) {
                    current.view = try Self.view(current.session)
                    kept[path] = current
                    return current.view
                } catch {
                    kept[path] = nil
                }
            }
            let (session, watch) = try kernel.watchedSession(netns: path)
            let view = try Self.view(session)
            kept[path] = Kept(identity: identity, session: session, watch: watch, view: view)
            return view
        }
    }

    /// Closes the sessions of every path not in `paths`.
    func retain(only paths: Set<String>) {
        kept.withLock { kept in
            for path in kept.keys where !paths.contains(path) { kept[path] = nil }
        }
    }

    /// How many sessions are open.
    var count: Int { kept.withLock { $0.count } }

    private static func view(_ session: any KernelSession) throws(NetlinkError) -> NamespaceObservation {
        .present(links: try session.links(), addresses: try session.addresses(family: nil))
    }
}
