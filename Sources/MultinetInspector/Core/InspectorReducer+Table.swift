
extension InspectorReducer {
    static func tableKey(_ key: Key, _ state: inout InspectorState) -> [InspectorEffect] {
        guard let command = Keymap.command(for: key, readOnly: state.readOnly) else {
            if Keymap.boundCommand(for: key) == .retry { state.lastError = "read-only: retry is disabled" }
            return []
        }
        let view = state.view
        let position = state.position(view)
        let page = max(1, InspectorLayout(state).pageSize)
        let count = state.rowCount(view)
        switch command {
        case .quit: return [.quit]
        case .help: state.overlay = .help(scroll: 0)
        case .filter: state.editingFilter = true
        case .nextView: state.view = view.next
        case .previousView: state.view = view.previous
        case .showNetworks: state.view = .networks
        case .showPods: state.view = .pods
        case .showFailures: state.view = .failures
        case .showDrift: state.view = .drift
        case .showEvents: state.view = .events
        case .command: state.commandLine = ""
        case .details: return openDetails(&state)
        case .retry: return askRetry(&state)
        case .up: state.select(position.selected - 1, in: view)
        case .down: state.select(position.selected + 1, in: view)
        case .pageUp: state.select(position.selected - page, in: view)
        case .pageDown: state.select(position.selected + page, in: view)
        case .top: state.select(0, in: view)
        case .bottom: state.select(count - 1, in: view)
        case .cycleSort:
            var sort = state.sort(view)
            sort.column = (sort.column + 1) % InspectorTables.columns(for: view).count
            sort.descending = false
            state.sorts[view] = sort
            state.reconcileSelection(view)
        case .reverseSort:
            state.sorts[view]?.descending.toggle()
            state.reconcileSelection(view)
        case .close:
            if !state.filter.isEmpty {
                state.filter = ""
                reconcileAll(&state)
            }
        }
        return []
    }

    static func openDetails(_ state: inout InspectorState) -> [InspectorEffect] {
        guard let row = state.selectedRow else { return [] }
        state.overlay = .details(row.id, history: nil, scroll: 0)
        guard let record = row.record else { return [] }
        return [.loadHistory(containerID: record.containerID, runtimeIfName: record.runtimeIfName, ifName: record.ifName)]
    }
}
