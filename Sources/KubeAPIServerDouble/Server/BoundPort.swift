import Synchronization

/// The port the server bound, set once listening starts.
final class BoundPort: Sendable {
    private let storage = Mutex(0)

    /// The port (0 until bound).
    var value: Int {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
