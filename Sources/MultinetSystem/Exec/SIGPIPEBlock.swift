#if canImport(Glibc)
import Glibc
#endif

/// Blocks `SIGPIPE` in the calling thread while the runner writes to a child's standard
/// input, so a child that exits without reading makes `write` fail with `EPIPE` instead
/// of killing this process.
///
/// This is chosen over ignoring `SIGPIPE` process-wide because it changes nothing any
/// other code in the process can see, needs no set-up call, and works wherever the runner
/// is called from. A write to a pipe without readers raises `SIGPIPE` for the writing
/// thread; `end` takes that signal off the thread's pending set (unless one was already
/// pending before) before restoring the mask, so it is never delivered late.
struct SIGPIPEBlock {
    private var previousMask = sigset_t()
    private let wasPending: Bool

    /// Blocks `SIGPIPE` in this thread, remembering the previous mask.
    init() {
        var pipeOnly = Self.pipeOnly()
        _ = pthread_sigmask(SIG_BLOCK, &pipeOnly, &previousMask)
        var pending = sigset_t()
        _ = sigpending(&pending)
        wasPending = sigismember(&pending, SIGPIPE) == 1
    }

    /// Discards the `SIGPIPE` the runner's writes raised, if `raised`, and restores the
    /// mask. Must be called on the thread that created this value.
    func end(raised: Bool) {
        if raised && !wasPending {
            var pipeOnly = Self.pipeOnly()
            var noWait = timespec(tv_sec: 0, tv_nsec: 0)
            while sigtimedwait(&pipeOnly, nil, &noWait) < 0 && errno == EINTR {}
        }
        var previous = previousMask
        _ = pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    private static func pipeOnly() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        return set
    }
}
