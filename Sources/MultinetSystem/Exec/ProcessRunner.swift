#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion: the way multinet executes CNI delegate plugins.
///
/// The child is started with `posix_spawn`, never searched for in `PATH`, and gets exactly
/// the request's arguments and environment. Its standard input, output and error are
/// pipes, and no other descriptor of this process survives into it. It starts with an
/// empty signal mask and default signal dispositions, in a new process group, so that a
/// timeout can kill it together with everything it started.
///
/// `run` blocks the calling thread, feeding and reading the pipes with `poll` on that
/// thread alone. While it writes standard input it blocks `SIGPIPE` in that thread only
/// (see `SIGPIPEBlock`), so there is nothing to set up beforehand and no process-wide
/// signal state is changed.
///
/// Requirements on the rest of the process: `SIGCHLD` must not be ignored, and nothing
/// else may reap the child (for example with `waitpid(-1, …)`), or `run` throws `waitFailed`.
public enum ProcessRunner {
    /// Runs `request` and returns how the process ended and what it wrote.
    ///
    /// A process that fails, is killed by a signal or times out is a normal result, told
    /// by `ProcessOutput.exit`; this throws only when the process cannot be started or
    /// supervised. On timeout, the process group is killed with `SIGKILL`, reaped, and the
    /// output read so far is returned. When the process exits while a process it started
    /// still holds its output open, that output is read for a short grace period and then
    /// abandoned; such a process is not killed.
    public static func run(_ request: ProcessRequest) throws(ProcessRunnerError) -> ProcessOutput {
        try run(request, exitWatch: .best)
    }

    /// How the runner learns that the child has exited.
    enum ExitWatch: Sendable {
        /// A pidfd in the same `poll` as the pipes, when the system has `pidfd_open`;
        /// otherwise `polling`.
        case best
        /// `waitpid(WNOHANG)` between polls, 1 ms apart and backing off.
        case polling
    }

    /// `run(_:)` with the way the child's exit is watched chosen (tests run both).
    static func run(_ request: ProcessRequest, exitWatch: ExitWatch) throws(ProcessRunnerError) -> ProcessOutput {
        try request.validate()
        let start = MonotonicClock.nanoseconds()
        var pipes = try ChildPipes.create()
        let pid: pid_t
        do throws(ProcessRunnerError) {
            pid = try ProcessSpawner.spawn(request, pipes: pipes)
        } catch {
            pipes.closeAll()
            throw error
        }
        pipes.closeChildEnds()

        // From here on the supervisor owns (and closes) the remaining descriptors.
        var supervisor = ProcessSupervisor(request: request, pid: pid, pipes: pipes, startNanoseconds: start,
                                           watchWithPidfd: exitWatch == .best)
        let exit: ProcessExit
        do throws(ProcessRunnerError) {
            exit = try supervisor.supervise()
        } catch {
            supervisor.abandon()
            throw error
        }
        return ProcessOutput(
            exit: exit,
            stdout: supervisor.stdout.bytes,
            stderr: supervisor.stderr.bytes,
            stdoutTruncated: supervisor.stdout.truncated,
            stderrTruncated: supervisor.stderr.truncated,
            durationNanoseconds: MonotonicClock.nanoseconds() &- start
        )
    }
}
