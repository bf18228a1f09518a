import MultinetCheckpoint

/// What one read of the checkpoint store found.
public struct StoreReading: Sendable, Equatable {
    /// The database file's path.
    public var path: String
    /// Every record, in the store's order (container, runtime interface, position).
    public var records: [AttachmentRecord]
    /// Why the store could not be read (the records are then empty); `nil` when it was read
    /// or does not exist yet.
    public var problem: String?

    /// A reading.
    public init(path: String, records: [AttachmentRecord] = [], problem: String? = nil) {
        self.path = path
        self.records = records
        self.problem = problem
    }
}
