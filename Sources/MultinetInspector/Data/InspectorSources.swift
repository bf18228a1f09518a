import MultinetCore
import MultinetKube

/// Where the inspector reads from, as the command line gives it, and the
/// ``SnapshotBuilder`` over the real sources.
public struct InspectorSources: Sendable {
    /// `--kubeconfig`.
    public var kubeconfig: String?
    /// `--context`.
    public var context: String?
    /// `--node`.
    public var node: String?
    /// `--state-dir`.
    public var stateDir: String
    /// `--conf-dir`.
    public var confDir: String
    /// `--bin-dir`, split at `:`.
    public var binDirs: [String]
    /// `--read-only`.
    public var readOnly: Bool
    /// `--all-nodes`: every pod of the cluster with a `network-status`, from the apiserver alone.
    public var allNodes: Bool = false
    /// Pods per page of the `--all-nodes` list (`--page-size`).
    public var pageSize: Int = 500

    /// The defaults: `/var/lib/multinet`, `/etc/cni/net.d`, `/opt/cni/bin:/usr/lib/cni`.
    public init(kubeconfig: String? = nil, context: String? = nil, node: String? = nil,
                stateDir: String = "/var/lib/multinet", confDir: String = "/etc/cni/net.d",
                binDirs: [String] = ["/opt/cni/bin", "/usr/lib/cni"], readOnly: Bool = false) {
        self.kubeconfig = kubeconfig
        self.context = context
        self.node = node
        self.stateDir = stateDir
        self.confDir = confDir
        self.binDirs = binDirs
        self.readOnly = readOnly
    }

    /// The builder over the store (read-only), the apiserver kubectl would use (YAML or
    /// JSON kubeconfig; none configured shows as `notConfigured`, one that fails to load as
    /// `unreachable` with the reason), the conf and bin dirs, and the kernel (netlink in
    /// each recorded netns; without root every netns is unknown and shows no drift). Keep the builder for the
    /// process's life: its version probe caches each plugin binary's answer.
    ///
    /// - Parameter watch: follow the node's pods with a watch between snapshots (the curses
    ///   view); `false` for a single snapshot (`--once`), which lists them and opens no watch.
    public func builder(environment: [String: String], watch: Bool = true) -> SnapshotBuilder {
        if allNodes {
            return SnapshotBuilder(node: "all nodes", store: NoStoreSource(), cluster: clusterSource(environment: environment),
                                   files: NoNodeFiles(), kernel: NoKernelSource(), readOnly: true)
        }
        return SnapshotBuilder(node: NodeName.choose(option: node, environment: environment),
                        store: CheckpointStoreSource(directory: stateDir),
                        cluster: clusterSource(environment: environment, watch: watch),
                        files: LocalNodeFiles(confDir: confDir, binDirs: binDirs, probe: CachingVersionProbe()),
                        kernel: NetnsKernelSource(), readOnly: readOnly)
    }

    /// The apiserver source for these options (`watch`: as in ``builder(environment:watch:)``;
    /// with ``allNodes`` every pod of the cluster, paginated).
    public func clusterSource(environment: [String: String], watch: Bool = true) -> any ClusterSource {
        do {
            let connection = try ClusterConnection.likeKubectl(kubeconfig: kubeconfig, context: context,
                                                               environment: environment)
            let context = self.context ?? currentContext(environment: environment)
            if allNodes { return ClusterPodsSource(connection: connection, context: context, pageSize: pageSize) }
            return KubeClusterSource(connection: connection, context: context, watchesPods: watch)
        } catch .noConfiguration where kubeconfig == nil {
            return FixedClusterSource(.notConfigured)
        } catch {
            return FixedClusterSource(ClusterReading(apiserver: .unreachable(server: kubeconfig ?? "kubeconfig",
                                                                             error: error.description),
                                                     context: context))
        }
    }

    private func currentContext(environment: [String: String]) -> String? {
        if let kubeconfig, !kubeconfig.isEmpty {
            return try? KubeConfig.load(path: kubeconfig).currentContext
        }
        return try? KubeConfig.loadDefault(environment: environment).currentContext
    }
}
