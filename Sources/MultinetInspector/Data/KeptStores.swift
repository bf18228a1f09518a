import Synchronization

/// The store readers this process keeps open, and its own writers of the store, taking
/// turns.
///
/// SQLite shares one `-shm` mapping among all connections of a process to one database,
/// and a reader's read-only mapping (the inspector never writes the store through it)
/// makes another connection's writes in the same process fail with `SQLITE_READONLY`. So
/// an in-process writer — the inspector's teardown retry — closes the kept readers first
/// (``whileWriting(_:)``), and while it writes, readers answer from their last read
/// without opening the store.
final class KeptStores: Sendable {
    /// The process's registry.
    static let shared = KeptStores()

    private struct Reader: Sendable {
        weak var store: KeptStore?
    }

    private struct State: Sendable {
        var readers: [ObjectIdentifier: Reader] = [:]
        var writers = 0
    }

    private let state = Mutex(State())

    /// Registers a reader that keeps the store open.
    func register(_ reader: KeptStore) {
        state.withLock { state in
            state.readers = state.readers.filter { $0.value.store != nil }
            state.readers[ObjectIdentifier(reader)] = Reader(store: reader)
        }
    }

    /// Whether an in-process writer is writing: readers must not open the store.
    var isWriting: Bool {
        state.withLock { $0.writers > 0 }
    }

    /// Runs `body`, which writes the store, with every kept reader closed and none opening.
    func whileWriting<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        let readers = state.withLock { state -> [KeptStore] in
            state.writers += 1
            return state.readers.values.compactMap(\.store)
        }
        defer { state.withLock { $0.writers -= 1 } }
        for reader in readers { reader.close() }
        return try body()
    }
}
