import MultinetNetlink
import MultinetSystem

/// Reads the kernel's view of recorded netns paths for reconciliation: a path that no
/// longer exists is `gone`; one whose links and addresses can be read (netlink inside the
/// namespace, no process forked; the socket is kept for the next observation while the
/// path names the same namespace) is `present`; anything else is `unknown`, so it never
/// raises a false alarm.
///
/// "No longer exists" is only believed from a process that can enter network namespaces
/// at all (it enters its own first) and when the path's directory exists: in a container
/// without the host's `/var/run/netns`, or without `CAP_SYS_ADMIN`, a missing path says
/// nothing about the host, and every netns is `unknown`.
public struct KernelObserver: Sendable {
    /// The kernel access (``NetlinkKernel`` on a node).
    public var kernel: any NamespaceKernel
    /// A netns this process may enter if it may enter any: its own.
    public var ownNamespace: String
    /// The sessions kept from one observation to the next.
    let sessions = KernelSessions()

    /// An observer over `kernel`.
    public init(kernel: any NamespaceKernel = NetlinkKernel(), ownNamespace: String = "/proc/self/ns/net") {
        self.kernel = kernel
        self.ownNamespace = ownNamespace
    }

    /// The view of each of `paths`.
    public func observe(_ paths: Set<String>) -> [String: NamespaceObservation] {
        var views: [String: NamespaceObservation] = [:]
        guard !paths.isEmpty else { return views }
        sessions.retain(only: paths)
        guard canEnterNamespaces else {
            for path in paths { views[path] = .unknown }
            return views
        }
        for path in paths { views[path] = observe(path) }
        return views
    }

    /// Whether this process may enter a network namespace (root, or `CAP_SYS_ADMIN`).
    public var canEnterNamespaces: Bool {
        do throws(NetlinkError) {
            _ = try kernel.session(netns: ownNamespace)
            return true
        } catch {
            return false
        }
    }

    /// The view of one netns path (without first checking that this process may enter one).
    public func observe(_ path: String) -> NamespaceObservation {
        guard !path.isEmpty else { return .unknown }
        guard let identity = FileSystem.identity(path) else {
            return FileSystem.exists(Self.directory(of: path)) ? .gone : .unknown
        }
        do throws(NetlinkError) {
            return try sessions.read(path, identity: identity, kernel: kernel)
        } catch {
            return .unknown
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
