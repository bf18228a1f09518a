#if canImport(Glibc)
import Glibc
#endif

/// Starts a child with `posix_spawn` in the shape `ProcessRunner` promises.
///
/// The child gets the pipes on 0, 1 and 2 and no other descriptor, an empty signal mask,
/// default dispositions for every signal, and a new process group whose id is its pid.
/// (glibc has always used `CLONE_VFORK` for `posix_spawn` since 2.24, so the old
/// `POSIX_SPAWN_USEVFORK` flag would change nothing.)
enum ProcessSpawner {
    /// Spawns `request.executable` and returns its pid; the pipes' child ends are not closed.
    static func spawn(_ request: ProcessRequest, pipes: ChildPipes) throws(ProcessRunnerError) -> pid_t {
        let executable = request.executable
        func check(_ result: Int32, _ function: String) throws(ProcessRunnerError) {
            guard result == 0 else {
                throw .spawnSetupFailed(executable: executable, function: function, errno: result)
            }
        }

        var actions = posix_spawn_file_actions_t()
        try check(posix_spawn_file_actions_init(&actions), "posix_spawn_file_actions_init")
        defer { posix_spawn_file_actions_destroy(&actions) }
        try check(posix_spawn_file_actions_adddup2(&actions, pipes.stdinRead, 0), "posix_spawn_file_actions_adddup2")
        try check(posix_spawn_file_actions_adddup2(&actions, pipes.stdoutWrite, 1), "posix_spawn_file_actions_adddup2")
        try check(posix_spawn_file_actions_adddup2(&actions, pipes.stderrWrite, 2), "posix_spawn_file_actions_adddup2")
        if let addCloseFrom = GNUFunctions.addCloseFrom {
            // Also closes descriptors that other code in this process left inheritable.
            try check(addCloseFrom(&actions, 3), "posix_spawn_file_actions_addclosefrom_np")
        }
        // Without it (glibc < 2.34), the pipes still close on exec: they are O_CLOEXEC.

        var attributes = posix_spawnattr_t()
        try check(posix_spawnattr_init(&attributes), "posix_spawnattr_init")
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        try check(posix_spawnattr_setsigmask(&attributes, &noSignals), "posix_spawnattr_setsigmask")
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        // sigfillset leaves out glibc's two internal signals (32 and 33), and for signals
        // not in this set glibc's spawn sets those two to SIG_IGN in the child, which exec
        // keeps. Setting all of signals 1–64 (bits 0–63 of the first word, an ABI-stable
        // layout) gives the child the defaults a fork and exec would.
        allSignals.__val.0 = .max
        try check(posix_spawnattr_setsigdefault(&attributes, &allSignals), "posix_spawnattr_setsigdefault")
        try check(posix_spawnattr_setpgroup(&attributes, 0), "posix_spawnattr_setpgroup")
        let flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP
        try check(posix_spawnattr_setflags(&attributes, Int16(flags)), "posix_spawnattr_setflags")

        guard let argv = CStringArray([executable] + request.arguments),
              let envp = CStringArray(request.environment)
        else {
            throw .spawnSetupFailed(executable: executable, function: "strdup", errno: ENOMEM)
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv.pointer, envp.pointer)
        guard result == 0 else { throw .spawnFailed(executable: executable, errno: result) }
        return pid
    }
}
