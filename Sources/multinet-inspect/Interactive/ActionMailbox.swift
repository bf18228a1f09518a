import MultinetInspector
import Synchronization

/// Where background work (polling, retries, history reads) leaves actions for the main
/// thread, which alone touches curses and the state.
final class ActionMailbox: Sendable {
    private let pending = Mutex<[InspectorAction]>([])

    /// Leaves an action.
    func post(_ action: InspectorAction) {
        pending.withLock { $0.append(action) }
    }

    /// Takes every action left so far, oldest first.
    func drain() -> [InspectorAction] {
        pending.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }
}
