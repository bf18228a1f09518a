/// Where a snapshot's attachment records come from: the checkpoint store, or a fake in tests.
public protocol StoreSource: Sendable {
    /// Reads every record; never throws: a failure is the reading's `problem`.
    func read() async -> StoreReading
}
