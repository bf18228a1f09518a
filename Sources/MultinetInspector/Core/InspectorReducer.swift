import MultinetCheckpoint

/// The inspector's only state transition: `reduce(state, action) -> (state, effects)`.
/// Pure: no terminal, no store, no clock; the effects say what the backend must do.
public enum InspectorReducer {
    /// The next state and the effects to run.
    public static func reduce(_ state: InspectorState, _ action: InspectorAction) -> (InspectorState, [InspectorEffect]) {
        var state = state
        switch action {
        case .key(let key):
            let effects = handle(key, &state)
            return (state, effects)
        case .snapshot(let snapshot):
            state.snapshot = snapshot
            reconcileAll(&state)
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            reconcileAll(&state)
        case .historyLoaded(let key, let history):
            if case .details(.attachment(key), _, let scroll) = state.overlay {
                state.overlay = .details(.attachment(key), history: history, scroll: scroll)
            }
        case .retryFinished(let containerID, let ifName, let success, let message):
            let text = success ? "teardown of \(ifName) in \(containerID.prefix(12)) succeeded: \(message)"
                : "teardown of \(ifName) in \(containerID.prefix(12)) failed: \(message)"
            state.overlay = .outcome(message: text, success: success)
        case .reclaimFinished(let containerID, let success, let message):
            let text = success ? "leak of \(containerID.prefix(12)) torn down: \(message)"
                : "teardown of the leak \(containerID.prefix(12)) failed: \(message)"
            state.overlay = .outcome(message: text, success: success)
        case .tick(let now):
            state.now = now
        }
        return (state, [])
    }

    static func reconcileAll(_ state: inout InspectorState) {
        for view in InspectorView.allCases { state.reconcileSelection(view) }
    }

    static func handle(_ key: Key, _ state: inout InspectorState) -> [InspectorEffect] {
        if key == .resize { return [] }
        let hadStatus = state.showsStatusLine
        state.lastError = nil
        defer { if hadStatus != state.showsStatusLine { reconcileAll(&state) } }
        if state.editingFilter { return editFilter(key, &state) }
        if let line = state.commandLine { return editCommand(key, line, &state) }
        switch state.overlay {
        case .none: return tableKey(key, &state)
        case .help(let scroll): return helpKey(key, scroll: scroll, &state)
        case .details(let id, let history, let scroll): return detailsKey(key, id, history, scroll, &state)
        case .confirmRetry(let target): return confirmKey(key, target, &state)
        case .confirmReclaim(let target): return confirmReclaimKey(key, target, &state)
        case .retrying, .reclaiming: return key == .char("q") ? [.quit] : []
        case .outcome:
            if key == .char("q") { return [.quit] }
            state.overlay = .none
            return []
        }
    }

    static func editFilter(_ key: Key, _ state: inout InspectorState) -> [InspectorEffect] {
        switch key {
        case .char(let c): state.filter.append(c)
        case .backspace: if !state.filter.isEmpty { state.filter.removeLast() }
        case .enter: state.editingFilter = false
        case .escape:
            state.filter = ""
            state.editingFilter = false
        case .up, .down, .pageUp, .pageDown, .home, .end: return tableKey(key, &state)
        default: return []
        }
        reconcileAll(&state)
        return []
    }

    static func helpKey(_ key: Key, scroll: Int, _ state: inout InspectorState) -> [InspectorEffect] {
        switch Keymap.boundCommand(for: key) {
        case .quit: return [.quit]
        case .help, .close: state.overlay = .none
        case .down: state.overlay = .help(scroll: scroll + 1)
        case .up: state.overlay = .help(scroll: max(0, scroll - 1))
        default: if key == .enter { state.overlay = .none }
        }
        return []
    }

    static func detailsKey(_ key: Key, _ id: RowID, _ history: [AttemptRecord]?, _ scroll: Int,
                           _ state: inout InspectorState) -> [InspectorEffect] {
        let page = max(1, state.height - 4)
        switch Keymap.boundCommand(for: key) {
        case .quit: return [.quit]
        case .close, .details: state.overlay = .none
        case .help: state.overlay = .help(scroll: 0)
        case .down: state.overlay = .details(id, history: history, scroll: scroll + 1)
        case .up: state.overlay = .details(id, history: history, scroll: max(0, scroll - 1))
        case .pageDown: state.overlay = .details(id, history: history, scroll: scroll + page)
        case .pageUp: state.overlay = .details(id, history: history, scroll: max(0, scroll - page))
        case .top: state.overlay = .details(id, history: history, scroll: 0)
        case .retry: return askRetry(&state)
        default: break
        }
        return []
    }

    static func confirmKey(_ key: Key, _ target: RetryTarget, _ state: inout InspectorState) -> [InspectorEffect] {
        switch key {
        case .char("y"), .char("Y"):
            guard !state.readOnly else {
                state.overlay = .none
                state.lastError = "read-only: retry is disabled"
                return []
            }
            state.overlay = .retrying(target)
            return [.retry(containerID: target.containerID, ifName: target.ifName)]
        case .char("n"), .char("N"), .escape, .char("q"):
            state.overlay = .none
        default: break
        }
        return []
    }

    static func askRetry(_ state: inout InspectorState) -> [InspectorEffect] {
        guard !state.readOnly else {
            state.lastError = "read-only: retry is disabled"
            return []
        }
        if let drift = state.selectedRow?.drift { return askReclaim(drift, &state) }
        guard let record = state.selectedRow?.record else {
            state.lastError = "r retries a failed teardown (Pods, Failures) or tears down a pod-gone leak (Drift)"
            return []
        }
        guard record.state == .delFailed else {
            state.lastError = "r retries failed teardowns only; this attachment is \(record.state.rawValue)"
            return []
        }
        state.overlay = .confirmRetry(RetryTarget(key: AttachmentKey(record), pod: InspectorTables.podName(of: record),
                                                  network: record.qualifiedNetwork))
        return []
    }
}
