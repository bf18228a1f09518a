import MultinetCheckpoint

/// The checkpoint store in `<stateDir>/multinet.db`, opened read-only
/// (``CheckpointStore/openReadOnly(directory:busyTimeoutMilliseconds:)``): a missing store
/// reads as empty, and nothing in the state directory is created or changed.
///
/// The store stays open between reads, and a read that finds nothing committed since the
/// last one (SQLite's `data_version`) answers with the last one's records: a refresh of an
/// unchanged node reads no rows.
public struct CheckpointStoreSource: StoreSource {
    /// The state directory.
    public var directory: String
    /// The store kept open between reads.
    let kept: KeptStore

    /// A source over a state directory.
    public init(directory: String) {
        self.init(directory: directory, turns: .shared)
    }

    /// A source whose reader takes turns with the writers of `turns` (tests give it its own).
    init(directory: String, turns: KeptStores) {
        self.directory = directory
        kept = KeptStore(turns: turns)
    }

    /// The database file's path.
    public var path: String { Self.path(directory: directory) }

    /// `<directory>/multinet.db`.
    static func path(directory: String) -> String {
        directory.hasSuffix("/") ? directory + CheckpointStore.fileName : directory + "/" + CheckpointStore.fileName
    }

    public func read() async -> StoreReading {
        let directory = self.directory
        let path = self.path
        let kept = self.kept
        return await Task.detached { kept.read(directory: directory, path: path) }.value
    }
}
