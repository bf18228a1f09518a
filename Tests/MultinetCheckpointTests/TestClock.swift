import Foundation

/// A settable wall clock for `CheckpointStore(now:)`.
///
/// `@unchecked Sendable`: the store's clock closure must be `@Sendable`; the one value is
/// guarded by a lock.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(_ start: Int64) {
        value = start
    }

    /// The current time.
    var now: Int64 {
        lock.withLock { value }
    }

    /// Moves the clock to `time`.
    func set(_ time: Int64) {
        lock.withLock { value = time }
    }
}
