extension InspectorReducer {
    /// Keys while the `:` command line is open: text, Tab completes, Enter runs, Esc closes.
    static func editCommand(_ key: Key, _ line: String, _ state: inout InspectorState) -> [InspectorEffect] {
        switch key {
        case .char(let c): state.commandLine = line + String(c)
        case .backspace:
            if line.isEmpty { state.commandLine = nil } else { state.commandLine = String(line.dropLast()) }
        case .tab: state.commandLine = InspectorCommand.complete(line)
        case .escape: state.commandLine = nil
        case .enter:
            state.commandLine = nil
            return run(line, &state)
        default: break
        }
        return []
    }

    /// Runs a typed command (an empty one does nothing).
    static func run(_ line: String, _ state: inout InspectorState) -> [InspectorEffect] {
        let typed = InspectorCommand.word(line)
        guard !typed.isEmpty else { return [] }
        guard let command = InspectorCommand(typed) ?? InspectorCommand(InspectorCommand.complete(typed)) else {
            state.lastError = "unknown command :\(typed) (try " + InspectorCommand.names.map { ":" + $0 }.joined(separator: " ") + ")"
            return []
        }
        switch command {
        case .show(let view): state.view = view
        case .help: state.overlay = .help(scroll: 0)
        case .quit: return [.quit]
        }
        return []
    }
}
