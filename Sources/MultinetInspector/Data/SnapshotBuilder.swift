import MultinetCheckpoint

/// Builds an ``InspectorSnapshot`` from the three data sources: the store and the
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
    /// Whether actions are refused (`--read-only`), shown in the header.
    public var readOnly: Bool
    /// The wall clock in unix milliseconds.
    public var clock: @Sendable () -> Int64
    /// Attachments' addresses from earlier refreshes: a result is parsed once, not every refresh.
    private let addressCache = AddressCache()

    /// A builder over its sources.
    public init(node: String, store: any StoreSource, cluster: any ClusterSource, files: any NodeFilesSource,
                readOnly: Bool = false, clock: @escaping @Sendable () -> Int64 = CheckpointStore.wallClockMilliseconds) {
        self.node = node
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
        async let storeReading = store.read()
        async let clusterAndNetworks: (ClusterReading, [NetworkRow]) = {
            let reading = await clusterSource.read(node: node)
            return (reading, await filesSource.networks(for: reading))
        }()
        let (records, (cluster, networks)) = await (storeReading, clusterAndNetworks)
        let cache = addressCache.take()
        var used: [AddressCache.Key: AttachmentAddresses] = [:]
        let snapshot = SnapshotAssembly.assemble(node: node, store: records, cluster: cluster, networks: networks,
                                                 readOnly: readOnly, refreshedAt: clock()) { record in
            let key = AddressCache.Key(record)
            let addresses = cache[key] ?? AttachmentAddresses(record)
            used[key] = addresses
            return addresses
        }
        addressCache.keep(used)
        return snapshot
    }
}
