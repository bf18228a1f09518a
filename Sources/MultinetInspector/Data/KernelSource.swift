import MultinetCore

/// Where the kernel's view of recorded netns comes from.
public protocol KernelSource: Sendable {
    /// The view of each path: `gone`, `present` with links and addresses, or `unknown`
    /// (above all without root); never throws.
    func observe(_ paths: Set<String>) async -> [String: NamespaceObservation]
}

/// The node's kernel, read over netlink inside each netns (``KernelObserver``), off the
/// caller's thread.
public struct NetnsKernelSource: KernelSource {
    /// The observer.
    public var observer: KernelObserver

    /// A source over the real kernel.
    public init(observer: KernelObserver = KernelObserver()) {
        self.observer = observer
    }

    public func observe(_ paths: Set<String>) async -> [String: NamespaceObservation] {
        let observer = self.observer
        return await Task.detached { observer.observe(paths) }.value
    }
}

/// No kernel view at all (`--all-nodes`, tests): every netns is unknown.
public struct NoKernelSource: KernelSource {
    /// The source.
    public init() {}

    public func observe(_ paths: Set<String>) async -> [String: NamespaceObservation] {
        Dictionary(uniqueKeysWithValues: paths.map { ($0, NamespaceObservation.unknown) })
    }
}
