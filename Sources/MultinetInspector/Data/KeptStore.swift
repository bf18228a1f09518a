import MultinetCheckpoint
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checkpoint store a ``CheckpointStoreSource`` keeps open between reads, and its last
/// reading: a read first asks SQLite whether anything was committed
/// since (`PRAGMA data_version`) and answers from the last read when nothing was, and reads
/// the records again on the same connection when something was. The store is opened
/// afresh when the file at the path is another file (moved aside and recreated), when the
/// schema changed, or when it was opened `immutable` and so cannot tell.
/// While the inspector itself writes the store (``KeptStores/whileWriting(_:)``), reads
/// answer from the last read without opening it (the first read opens and closes it).
final class KeptStore: Sendable {
    private struct Kept {
        var store: CheckpointStore
        var device: UInt64
        var inode: UInt64
        var version: Int64
        var schema: Int
    }

    private let kept = Mutex<(store: Kept?, last: StoreReading?)>((nil, nil))
    private let fullReads = Atomic<Int>(0)
    private let turns: KeptStores

    /// A reader registered with `turns`.
    init(turns: KeptStores = .shared) {
        self.turns = turns
        turns.register(self)
    }

    /// Closes the store (the next read opens it again).
    func close() {
        kept.withLock { $0.store = nil }
    }

    /// How many reads went to the records table (the rest were answered from the last one).
    var recordReads: Int { fullReads.load(ordering: .relaxed) }

    /// The records of the store in `directory` (at `path`), as of now.
    func read(directory: String, path: String) -> StoreReading {
        kept.withLock { state -> StoreReading in
            if turns.isWriting {
                state.store = nil
                if let last = state.last { return last }
                // No earlier read to answer from: read once without keeping the store open.
                var unkept: Kept?
                return read(directory: directory, path: path, kept: &unkept, previous: [])
            }
            // The last records belong to the kept store whenever there is one (a failed
            // read drops it).
            let reading = read(directory: directory, path: path, kept: &state.store,
                               previous: state.last?.records ?? [])
            state.last = reading
            return reading
        }
    }

    /// Reads through `kept` (opening the store when it cannot be used); `previous` are the
    /// records `kept` last read.
    private func read(directory: String, path: String, kept: inout Kept?, previous: [AttachmentRecord]) -> StoreReading {
        var info = stat()
        let identity = stat(path, &info) == 0 ? (UInt64(info.st_dev), UInt64(info.st_ino)) : nil
        if var current = kept, let identity, current.device == identity.0, current.inode == identity.1,
           let version = try? current.store.dataVersion() {
            if version == current.version { return StoreReading(path: path, records: previous) }
            // Changed: read again on the same connection, unless a newer multinet migrated
            // the schema meanwhile (then open afresh, which refuses a schema too new).
            if let schema = try? current.store.schemaVersion, schema == current.schema,
               let records = try? current.store.allAttachments(reusing: previous) {
                fullReads.add(1, ordering: .relaxed)
                current.version = version
                kept = current
                return StoreReading(path: path, records: records)
            }
        }
        kept = nil
        do {
            guard let store = try CheckpointStore.openReadOnly(directory: directory) else {
                return StoreReading(path: path)
            }
            // The version before the records: a commit in between shows as a change next time.
            let version = try store.dataVersion()
            let schema = try store.schemaVersion
            let records = try store.allAttachments()
            fullReads.add(1, ordering: .relaxed)
            if let version, let identity {
                kept = Kept(store: store, device: identity.0, inode: identity.1, version: version, schema: schema)
            }
            return StoreReading(path: path, records: records)
        } catch {
            return StoreReading(path: path, problem: "\(error)")
        }
    }
}
