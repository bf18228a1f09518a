#if canImport(Glibc)
import Glibc
#endif

/// The three pipes between the runner and a child: its standard input, output and error.
///
/// Every descriptor is close-on-exec and numbered 3 or above, so `posix_spawn`'s `dup2`
/// actions onto 0, 1 and 2 can never overwrite one another. The runner's ends are
/// non-blocking; the child's ends stay blocking, as programs expect. A closed end is -1.
struct ChildPipes {
    /// The child's standard input (its end).
    var stdinRead: Int32 = -1
    /// The child's standard input (the runner's end).
    var stdinWrite: Int32 = -1
    /// The child's standard output (the runner's end).
    var stdoutRead: Int32 = -1
    /// The child's standard output (its end).
    var stdoutWrite: Int32 = -1
    /// The child's standard error (the runner's end).
    var stderrRead: Int32 = -1
    /// The child's standard error (its end).
    var stderrWrite: Int32 = -1

    /// Creates the three pipes, or closes what was created and throws `pipeFailed`.
    static func create() throws(ProcessRunnerError) -> ChildPipes {
        var pipes = ChildPipes()
        do throws(ProcessRunnerError) {
            (pipes.stdinRead, pipes.stdinWrite) = try makePipe()
            (pipes.stdoutRead, pipes.stdoutWrite) = try makePipe()
            (pipes.stderrRead, pipes.stderrWrite) = try makePipe()
            // Only once all six exist: moving one frees a low number another could take.
            for keyPath in [\ChildPipes.stdinRead, \.stdinWrite, \.stdoutRead, \.stdoutWrite, \.stderrRead, \.stderrWrite] {
                try moveAboveStandardDescriptors(&pipes[keyPath: keyPath])
            }
            for descriptor in [pipes.stdinWrite, pipes.stdoutRead, pipes.stderrRead] {
                try setNonBlocking(descriptor)
            }
        } catch {
            pipes.closeAll()
            throw error
        }
        return pipes
    }

    /// Closes the child's ends, which the runner must not hold once the child has them.
    mutating func closeChildEnds() {
        Self.close(&stdinRead)
        Self.close(&stdoutWrite)
        Self.close(&stderrWrite)
    }

    /// Closes every end still open.
    mutating func closeAll() {
        closeChildEnds()
        Self.close(&stdinWrite)
        Self.close(&stdoutRead)
        Self.close(&stderrRead)
    }

    /// Closes `descriptor` if open and marks it closed. `close` is never retried: on Linux
    /// the descriptor is released even when it reports EINTR.
    static func close(_ descriptor: inout Int32) {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    private static func makePipe() throws(ProcessRunnerError) -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        if let pipe2 = GNUFunctions.pipe2 {
            guard pipe2(&descriptors, O_CLOEXEC) == 0 else { throw .pipeFailed(errno: errno) }
        } else {
            // No pipe2: another thread's fork could inherit these before FD_CLOEXEC is set.
            guard pipe(&descriptors) == 0 else { throw .pipeFailed(errno: errno) }
            for descriptor in descriptors where fcntl(descriptor, F_SETFD, FD_CLOEXEC) != 0 {
                let code = errno
                _ = Glibc.close(descriptors[0])
                _ = Glibc.close(descriptors[1])
                throw .pipeFailed(errno: code)
            }
        }
        return (descriptors[0], descriptors[1])
    }

    /// Renumbers a descriptor that is 0, 1 or 2 (possible when the runner's own
    /// standard streams are closed) to the lowest free number from 3.
    private static func moveAboveStandardDescriptors(_ descriptor: inout Int32) throws(ProcessRunnerError) {
        guard descriptor >= 0, descriptor < 3 else { return }
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 3)
        guard moved >= 0 else { throw .pipeFailed(errno: errno) }
        close(&descriptor)
        descriptor = moved
    }

    private static func setNonBlocking(_ descriptor: Int32) throws(ProcessRunnerError) {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw .pipeFailed(errno: errno)
        }
    }
}
