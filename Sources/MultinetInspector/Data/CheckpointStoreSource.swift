import MultinetCore

/// The checkpoint store in `<stateDir>/multinet.db`, opened read-only for each read
/// (``CheckpointStore/openReadOnly(directory:busyTimeoutMilliseconds:)``): a missing store
/// reads as empty, and nothing in the state directory is created or changed.
public struct CheckpointStoreSource: StoreSource {
    /// The state directory.
    public var directory: String

    /// A source over a state directory.
    public init(directory: String) {
        self.directory = directory
    }

    /// The database file's path.
    public var path: String {
        directory.hasSuffix("/") ? directory + CheckpointStore.fileName : directory + "/" + CheckpointStore.fileName
    }

    public func read() async -> StoreReading {
        let directory = self.directory
        let path = self.path
        return await Task.detached {
            do {
                guard let store = try CheckpointStore.openReadOnly(directory: directory) else {
                    return StoreReading(path: path)
                }
                return StoreReading(path: path, records: try store.allAttachments())
            } catch {
                return StoreReading(path: path, problem: "\(error)")
            }
        }.value
    }
}
