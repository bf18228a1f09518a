import Synchronization

/// The samples of one plugin process not yet in the store. The store writes them inside
/// the next transaction it commits anyway (``CheckpointStore/operationLog``), so
/// recording costs no transaction and no fsync of its own; what is left when the
/// operation ends goes in with ``CheckpointStore/flushOperations()``.
public final class OperationLog: Sendable {
    private let pending = Mutex<[OperationSample]>([])

    /// An empty log.
    public init() {}

    /// Adds a sample.
    public func append(_ sample: OperationSample) {
        pending.withLock { $0.append(sample) }
    }

    /// The samples, oldest first, and the log emptied.
    public func drain() -> [OperationSample] {
        pending.withLock { samples in
            defer { samples.removeAll(keepingCapacity: true) }
            return samples
        }
    }

    /// Puts samples back in front (a transaction that was to hold them rolled back).
    public func restore(_ samples: [OperationSample]) {
        guard !samples.isEmpty else { return }
        pending.withLock { $0.insert(contentsOf: samples, at: 0) }
    }

    /// Whether nothing is pending.
    public var isEmpty: Bool { pending.withLock { $0.isEmpty } }
}
