import Logging
import Dispatch

/// Runs `body` on the cooperative thread pool and blocks the calling (main) thread until
/// it returns. The plugin's main code uses this instead of a top-level `await`: an async
/// main parks the main thread in `dispatch_main()`, which ends it with `pthread_exit`, and
/// glibc's `pthread_exit` loads `libgcc_s.so.1` for its unwinding, a library a node need
/// not have (`HiddenLibrariesTests` hides it).
func blockingMain<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let finished = DispatchSemaphore(value: 0)
    let box = BlockingMainResult<T>()
    Task.detached {
        box.value = await body()
        finished.signal()
    }
    finished.wait()
    return box.value!
}

/// The result `blockingMain` hands from the task to the main thread (the semaphore orders
/// the write before the read).
private final class BlockingMainResult<T>: @unchecked Sendable {
    var value: T?
}

/// The logger the dispatcher's factory made, if it made one (the factory runs once,
/// inside the task, before the task returns).
final class PluginLoggerBox: @unchecked Sendable {
    var logger: Logger?
}
