import MultinetCheckpoint
import MultinetCore

/// Builds an ``InspectorSnapshot`` from the four data sources: the store (then the kernel's
/// view of every recorded netns, then the store again to confirm the drift) and the
/// apiserver are read concurrently; the conf and bin dirs are judged against the network
/// objects the apiserver listed. The `--once` printers and the curses loop's poller call
/// ``snapshot()`` every refresh.
public struct SnapshotBuilder: Sendable {
    /// The node whose pods are shown.
    public var node: String
    /// The checkpoint store.
    public var store: any StoreSource
    /// The apiserver.
    public var cluster: any ClusterSource
    /// The conf and bin dirs.
    public var files: any NodeFilesSource
    /// The kernel's view of the recorded netns.
    public var kernel: any KernelSource
    /// Whether actions are refused (`--read-only`), shown in the header.
    public var readOnly: Bool
    /// The wall clock in unix milliseconds.
    public var clock: @Sendable () -> Int64
    /// Attachments' addresses from earlier refreshes: a result is parsed once, not every refresh.
    private let addressCache = AddressCache()
    /// Since when each drift has been seen.
    private let driftHistory = DriftHistory()
    /// The pods' network-status from earlier refreshes, parsed once per pod version.
    private let podCache = ObservedPodCache()

    /// A builder over its sources.
    public init(node: String, store: any StoreSource, cluster: any ClusterSource, files: any NodeFilesSource,
                kernel: any KernelSource = NoKernelSource(), readOnly: Bool = false,
                clock: @escaping @Sendable () -> Int64 = CheckpointStore.wallClockMilliseconds) {
        self.node = node
        self.kernel = kernel
        self.store = store
        self.cluster = cluster
        self.files = files
        self.readOnly = readOnly
        self.clock = clock
    }

    /// One snapshot, every source read once. Never throws: failures are in the header.
    public func snapshot() async -> InspectorSnapshot {
        let node = self.node
        let clusterSource = cluster
        let filesSource = files
        let storeSource = store
        let kernelSource = kernel
        async let storeAndKernel: (StoreReading, [String: NamespaceObservation], StoreReading) = {
            let before = await storeSource.read()
            let namespaces = await kernelSource.observe(ReconcileInput.netnsPaths(before.records))
            return (before, namespaces, await storeSource.read())
        }()
        async let clusterAndNetworks: (ClusterReading, [NetworkRow]) = {
            let reading = await clusterSource.read(node: node)
            return (reading, await filesSource.networks(for: reading))
        }()
        let ((records, namespaces, confirming), (cluster, networks)) = await (storeAndKernel, clusterAndNetworks)
        let cache = addressCache.take()
        var used: [AddressCache.Key: AttachmentAddresses] = [:]
        let podsSeen = podCache.take()
        var podsUsed: [String: ObservedPod] = [:]
        let now = clock()
        var snapshot = SnapshotAssembly.assemble(node: node, store: records, cluster: cluster, networks: networks,
                                                 readOnly: readOnly, refreshedAt: now, namespaces: namespaces,
                                                 addresses: { record in
            let key = AddressCache.Key(record)
            let addresses = cache[key] ?? AttachmentAddresses(record)
            used[key] = addresses
            return addresses
        }, observe: { pod in
            let key = ObservedPodCache.key(pod)
            let observed = podsSeen[key] ?? ObservedPod(metadata: pod.metadata)
            podsUsed[key] = observed
            return observed
        })
        addressCache.keep(used)
        podCache.keep(podsUsed)
        snapshot.drift = driftHistory.observe(Reconciler.confirmed(snapshot.drift, before: records.records,
                                                                   after: confirming.records), at: now)
        return snapshot
    }
}
