/// What a store recovered from a damaged database it moved aside: the attachment records
/// still readable there were copied into the fresh database, so DEL can still tear those
/// attachments down; whatever was not readable stays in the moved file for an operator.
public struct CheckpointSalvage: Sendable, Equatable {
    /// Where the damaged database now is (`<path>.corrupt-<unixms>`).
    public var movedTo: String
    /// How many attachment records were copied into the fresh database.
    public var records: Int
    /// Why the copy stopped early or failed (SQLite's message), `nil` when every record
    /// was read.
    public var problem: String?

    /// A salvage report.
    public init(movedTo: String, records: Int, problem: String?) {
        self.movedTo = movedTo
        self.records = records
        self.problem = problem
    }
}
