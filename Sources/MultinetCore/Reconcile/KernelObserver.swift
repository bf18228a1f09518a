import MultinetNetlink
import MultinetSystem

/// Reads the kernel's view of recorded netns paths for reconciliation: a path that no
/// longer exists is `gone`; one whose links and addresses can be read (netlink inside the
/// namespace, no process forked) is `present`; anything else, above all a netns multinet
/// may not enter without root, is `unknown`, so it never raises a false alarm.
public struct KernelObserver: Sendable {
    /// The kernel access (``NetlinkKernel`` on a node).
    public var kernel: any NamespaceKernel

    /// An observer over `kernel`.
    public init(kernel: any NamespaceKernel = NetlinkKernel()) {
        self.kernel = kernel
    }

    /// The view of each of `paths`.
    public func observe(_ paths: Set<String>) -> [String: NamespaceObservation] {
        var views: [String: NamespaceObservation] = [:]
        for path in paths { views[path] = observe(path) }
        return views
    }

    /// The view of one netns path.
    public func observe(_ path: String) -> NamespaceObservation {
        guard !path.isEmpty else { return .unknown }
        guard FileSystem.exists(path) else { return .gone }
        do throws(NetlinkError) {
            let session = try kernel.session(netns: path)
            return .present(links: try session.links(), addresses: try session.addresses(family: nil))
        } catch {
            return .unknown
        }
    }
}
