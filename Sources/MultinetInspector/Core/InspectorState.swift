
/// Everything the interface shows, as a value: the reducer's input and output, the
/// renderer's input.
public struct InspectorState: Sendable, Equatable {
    /// The latest snapshot; `nil` before the first refresh.
    public var snapshot: InspectorSnapshot?
    /// The view shown.
    public var view: InspectorView
    /// Each view's selection and scroll.
    public var positions: [InspectorView: ViewPosition]
    /// Each view's sort order.
    public var sorts: [InspectorView: TableSort]
    /// The filter text (case-insensitive substring of a row's visible text).
    public var filter: String
    /// Whether the filter line has the keys.
    public var editingFilter: Bool
    /// The `:` command line being typed (without the colon); `nil` when closed.
    public var commandLine: String?
    /// What is drawn over the table.
    public var overlay: InspectorOverlay
    /// Terminal columns.
    public var width: Int
    /// Terminal rows.
    public var height: Int
    /// Whether actions are hidden and refused (`--read-only`).
    public var readOnly: Bool
    /// Whether to draw with ASCII only (the locale is not UTF-8).
    public var asciiOnly: Bool
    /// The last refused key or failed action, shown on the message line until the next key.
    public var lastError: String?
    /// The time ages are computed against (unix milliseconds), from the last tick.
    public var now: Int64

    /// A fresh state.
    public init(snapshot: InspectorSnapshot? = nil, view: InspectorView = .networks, width: Int = 80, height: Int = 24,
                readOnly: Bool = false, asciiOnly: Bool = false, now: Int64 = 0) {
        self.snapshot = snapshot
        self.view = view
        positions = Dictionary(uniqueKeysWithValues: InspectorView.allCases.map { ($0, ViewPosition()) })
        sorts = Dictionary(uniqueKeysWithValues: InspectorView.allCases.map { ($0, TableSort()) })
        // Events start in the snapshot's order (multinet's first, then newest); `s` sorts by a column.
        sorts[.events] = TableSort(column: TableSort.snapshotOrder)
        filter = ""
        editingFilter = false
        commandLine = nil
        overlay = .none
        self.width = width
        self.height = height
        self.readOnly = readOnly
        self.asciiOnly = asciiOnly
        lastError = nil
        self.now = now
        for view in InspectorView.allCases { reconcileSelection(view) }
    }

    /// Whether the filter / message line is shown.
    public var showsStatusLine: Bool {
        editingFilter || commandLine != nil || !filter.isEmpty || lastError != nil || selectedDriftAction != nil
    }

    /// In the Drift view with no overlay, the selected drift's action: the status line shows it.
    public var selectedDriftAction: String? {
        guard view == .drift, overlay == .none, let snapshot, !snapshot.drift.isEmpty else { return nil }
        let index = position(.drift).selected
        let rows = visibleRows(.drift)
        return rows.indices.contains(index) ? rows[index].drift?.kind.action : nil
    }

    /// The position of a view.
    public func position(_ view: InspectorView) -> ViewPosition { positions[view] ?? ViewPosition() }

    /// The sort order of a view.
    public func sort(_ view: InspectorView) -> TableSort { sorts[view] ?? TableSort() }

    /// A view's rows as shown: filtered, then sorted (stably) by its sort order.
    public func visibleRows(_ view: InspectorView) -> [TableRow] {
        let rows = InspectorTables.rows(for: view, snapshot: snapshot, now: now, ascii: asciiOnly)
            .filter { $0.matches(filter: filter) }
        let order = sort(view)
        // Sort the keys with their indices (rows are large to move around), then gather.
        let keys = rows.map { $0.cells.indices.contains(order.column) ? $0.cells[order.column].sortValue : .text("") }
        let sorted = keys.indices.sorted { a, b in
            if keys[a] == keys[b] { return a < b }
            return order.descending ? keys[b] < keys[a] : keys[a] < keys[b]
        }
        return sorted.map { rows[$0] }
    }

    /// How many rows a view shows: ``visibleRows(_:)``'s count, without building the rows
    /// when no filter is set.
    public func rowCount(_ view: InspectorView) -> Int {
        guard filter.isEmpty else { return visibleRows(view).count }
        guard let snapshot else { return 0 }
        switch view {
        case .networks: return snapshot.networks.count
        case .pods: return snapshot.pods.reduce(0) { $0 + max(1, $1.attachments.count) }
        case .failures: return snapshot.failures.count
        case .drift: return snapshot.drift.count
        case .events: return snapshot.events?.count ?? 0
        }
    }

    /// The selected row of the shown view, if it has rows.
    public var selectedRow: TableRow? {
        let rows = visibleRows(view)
        let index = position(view).selected
        return rows.indices.contains(index) ? rows[index] : nil
    }

    /// Puts a view's selection back on the row it showed (by identity), or clamps it when
    /// that row is gone, and keeps it on screen.
    public mutating func reconcileSelection(_ view: InspectorView) {
        let rows = visibleRows(view)
        var position = self.position(view)
        if let id = position.selectedID, let index = rows.firstIndex(where: { $0.id == id }) {
            position.selected = index
        }
        position.selected = rows.isEmpty ? 0 : min(max(0, position.selected), rows.count - 1)
        position.selectedID = rows.isEmpty ? position.selectedID : rows[position.selected].id
        let page = max(1, InspectorLayout(self).pageSize)
        if position.selected < position.scroll { position.scroll = position.selected }
        if position.selected >= position.scroll + page { position.scroll = position.selected - page + 1 }
        position.scroll = max(0, min(position.scroll, max(0, rows.count - page)))
        positions[view] = position
    }

    /// Moves a view's selection to `index` (clamped) and records which row it is.
    public mutating func select(_ index: Int, in view: InspectorView) {
        var position = self.position(view)
        position.selected = index
        position.selectedID = nil
        positions[view] = position
        reconcileSelection(view)
    }
}
