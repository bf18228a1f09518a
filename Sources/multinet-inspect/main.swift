// The entry point of multinet-inspect. Not an async main: that parks the main thread in
// `dispatch_main()`, which ends it with `pthread_exit`, and glibc's `pthread_exit` loads
// `libgcc_s.so.1`, a library a node need not have. The main run loop services the main
// queue (the main actor's jobs, the curses view) the same way instead.
import Foundation

Task { @MainActor in
    await MultinetInspect.main()
    exit(0)
}
RunLoop.main.run()
// The run loop of the main thread never runs out of work: the main queue is its source.
exit(0)
