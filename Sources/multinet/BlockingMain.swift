import Logging
import MultinetSystem

/// Runs `body` on the main thread (``MainThreadExecutor``) and returns its result. Not an
/// async `main`: that parks the main thread in `dispatch_main()`, which ends it with
/// `pthread_exit`, and glibc's `pthread_exit` loads `libgcc_s.so.1` for its unwinding, a
/// library a node need not have (`HiddenLibrariesTests` hides it); nor the cooperative
/// pool, whose threads an invocation that needs none would start.
func blockingMain<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    MainThreadExecutor.run(body)
}

/// The logger the dispatcher's factory made, if it made one (the factory runs once,
/// inside the task, before the task returns).
final class PluginLoggerBox: @unchecked Sendable {
    var logger: Logger?
}
