import MultinetCheckpoint
import MultinetCore

/// One row of a view's table with what it shows, for details and retry.
public struct TableRow: Sendable, Equatable {
    /// What it shows, for keeping the selection.
    public var id: RowID
    /// The cells, one per column of ``InspectorTables/columns(for:)``.
    public var cells: [TableCell]
    /// The attachment, for pod interface and failure rows.
    public var record: AttachmentRecord?
    /// The network, for network rows.
    public var network: NetworkRow?
    /// The drift, for Drift rows.
    public var drift: DriftEntry?

    /// A row.
    public init(id: RowID, cells: [TableCell], record: AttachmentRecord? = nil, network: NetworkRow? = nil,
                drift: DriftEntry? = nil) {
        self.id = id
        self.drift = drift
        self.cells = cells
        self.record = record
        self.network = network
    }

    /// Whether the row matches a filter: case-insensitively, anywhere in its visible text.
    public func matches(filter: String) -> Bool {
        guard !filter.isEmpty else { return true }
        return cells.map(\.text).joined(separator: " ").lowercased().contains(filter.lowercased())
    }
}
