#if canImport(Glibc)
import Glibc
#endif

/// Runs the I/O of one spawned child on the calling thread: feeds its standard input,
/// collects its output, reaps it, and enforces the deadline.
///
/// One `poll` loop serves all three pipes, so a child that writes a lot before reading,
/// or never reads at all, cannot deadlock the runner. The same `poll` waits on a pidfd of
/// the child (Linux 5.3+, glibc 2.36+), so its exit is seen the moment it happens; without
/// one, the loop checks the child with `waitpid(WNOHANG)` between polls, 1 ms apart at
/// first and backing off (a child closes its pipes a moment before it can be reaped, so
/// that costs up to a millisecond per process). Once the child has exited, the pipes get
/// `exitGraceNanoseconds` to reach end-of-file and are then abandoned, so a grandchild
/// that inherited standard output cannot hold the runner. Such a grandchild is left
/// running: only a timeout kills the process group.
struct ProcessSupervisor {
    /// How long the pipes may stay open once the child has exited.
    static let exitGraceNanoseconds: UInt64 = 100_000_000
    /// The longest sleep between `waitpid` checks while no pipe is active; checks start
    /// at 1 ms apart and back off to this.
    static let maximumIdleNanoseconds: UInt64 = 50_000_000
    /// The size of each read.
    static let chunkSize = 64 * 1024
    /// The most reads per stream in the final drain after the child is gone.
    static let finalDrainReads = 64

    private let executable: String
    private let pid: pid_t
    private let deadline: UInt64?
    private var pipes: ChildPipes
    private let input: [UInt8]
    private var inputOffset = 0
    private var wroteToClosedPipe = false
    /// The child's standard output so far.
    private(set) var stdout: OutputCollector
    /// The child's standard error so far.
    private(set) var stderr: OutputCollector
    /// The `waitpid` status, once the child has been reaped.
    private var waitStatus: Int32?
    /// Whether `waitpid` said there is no such child: something else reaped it, so its
    /// pid may already belong to another process and must not be signalled.
    private var reapedElsewhere = false
    /// The descriptors for `poll`, kept to reuse the allocation.
    private var pollSet: [pollfd] = []
    /// A pidfd of the child, readable once it has exited; -1 without `pidfd_open`.
    private var pidfd: Int32

    /// Takes over the runner's ends of `pipes` (the child's must already be closed).
    init(request: ProcessRequest, pid: pid_t, pipes: ChildPipes, startNanoseconds: UInt64, watchWithPidfd: Bool = true) {
        executable = request.executable
        self.pid = pid
        deadline = request.timeoutNanoseconds.map { startNanoseconds &+ $0 }
        self.pipes = pipes
        input = request.stdin
        stdout = OutputCollector(limit: request.outputLimit)
        stderr = OutputCollector(limit: request.outputLimit)
        pidfd = watchWithPidfd ? GNUFunctions.pidfdOpen.map { $0(pid, 0) } ?? -1 : -1
        pollSet.reserveCapacity(4)
    }

    /// Runs the child to its end and closes the pipes.
    mutating func supervise() throws(ProcessRunnerError) -> ProcessExit {
        defer {
            pipes.closeAll()
            ChildPipes.close(&pidfd)
        }
        if input.isEmpty { ChildPipes.close(&pipes.stdinWrite) }
        let sigpipe = input.isEmpty ? nil : SIGPIPEBlock()
        defer { sigpipe?.end(raised: wroteToClosedPipe) }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer { buffer.deallocate() }

        var idle: UInt64 = 1_000_000
        var graceEnd: UInt64 = 0
        while true {
            if waitStatus == nil, try reap(blocking: false) {
                graceEnd = MonotonicClock.nanoseconds() &+ Self.exitGraceNanoseconds
                if let deadline { graceEnd = min(graceEnd, deadline) }
            }
            let now = MonotonicClock.nanoseconds()
            var wait: UInt64
            if let status = waitStatus {
                if pipes.stdoutRead < 0 && pipes.stderrRead < 0 { return ProcessExit(waitStatus: status) }
                if now >= graceEnd {
                    drainOutputs(buffer)
                    return ProcessExit(waitStatus: status)
                }
                wait = graceEnd - now
            } else {
                if let deadline, now >= deadline {
                    try killGroupAndReap()
                    drainOutputs(buffer)
                    return .timedOut
                }
                // With a pidfd, the poll itself sees the exit: wait for it (or the deadline).
                wait = pidfd >= 0 ? Self.maximumIdleNanoseconds * 20 : idle
                if let deadline { wait = min(wait, deadline - now) }
            }
            switch try pollOnce(timeoutNanoseconds: wait, buffer) {
            case .endOfFile: idle = 1_000_000
            case .activity: break
            case .nothing: idle = min(idle * 2, Self.maximumIdleNanoseconds)
            }
        }
    }

    /// After `supervise` threw: kills and reaps the child if it is still there, and
    /// closes the pipes. Errors are ignored, as there is already one to report.
    mutating func abandon() {
        if waitStatus == nil && !reapedElsewhere { try? killGroupAndReap() }
        pipes.closeAll()
        ChildPipes.close(&pidfd)
    }

    private enum PollResult { case nothing, activity, endOfFile }

    /// Waits up to the timeout for any pipe to be ready and serves the ready ones.
    private mutating func pollOnce(
        timeoutNanoseconds: UInt64, _ buffer: UnsafeMutableBufferPointer<UInt8>
    ) throws(ProcessRunnerError) -> PollResult {
        pollSet.removeAll(keepingCapacity: true)
        if pipes.stdinWrite >= 0 { pollSet.append(pollfd(fd: pipes.stdinWrite, events: Int16(POLLOUT), revents: 0)) }
        if pipes.stdoutRead >= 0 { pollSet.append(pollfd(fd: pipes.stdoutRead, events: Int16(POLLIN), revents: 0)) }
        if pipes.stderrRead >= 0 { pollSet.append(pollfd(fd: pipes.stderrRead, events: Int16(POLLIN), revents: 0)) }
        if pidfd >= 0 && waitStatus == nil { pollSet.append(pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)) }
        // Round up: rounding down would wake early and spin until the deadline.
        let milliseconds = Int32(min((timeoutNanoseconds + 999_999) / 1_000_000, UInt64(Int32.max)))
        let ready = poll(&pollSet, nfds_t(pollSet.count), milliseconds)
        if ready < 0 {
            if errno == EINTR { return .activity }
            throw .pollFailed(executable: executable, errno: errno)
        }
        if ready == 0 { return .nothing }

        var result = PollResult.activity
        for index in pollSet.indices where pollSet[index].revents != 0 {
            let entry = pollSet[index]
            if entry.fd == pipes.stdinWrite {
                try writeInput()
            } else if entry.fd == pipes.stdoutRead {
                if try Self.read(&pipes.stdoutRead, into: &stdout, buffer, executable) == .endOfFile { result = .endOfFile }
            } else if entry.fd == pipes.stderrRead {
                if try Self.read(&pipes.stderrRead, into: &stderr, buffer, executable) == .endOfFile { result = .endOfFile }
            }
        }
        return result
    }

    /// Writes as much of the input as the pipe takes now; closes it when all is written
    /// or the child has closed its end.
    private mutating func writeInput() throws(ProcessRunnerError) {
        while inputOffset < input.count {
            let written = input.withUnsafeBytes { bytes in
                write(pipes.stdinWrite, bytes.baseAddress! + inputOffset, bytes.count - inputOffset)
            }
            if written > 0 {
                inputOffset += written
                continue
            }
            if written == 0 { return }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return
            case EPIPE:
                // The child closed its standard input (or exited): it wants no more.
                wroteToClosedPipe = true
                ChildPipes.close(&pipes.stdinWrite)
                return
            default:
                throw .writeFailed(executable: executable, errno: errno)
            }
        }
        ChildPipes.close(&pipes.stdinWrite)
    }

    private enum ReadResult { case data, wouldBlock, endOfFile }

    /// Reads one chunk into `collector`; closes `descriptor` at end-of-file.
    private static func read(
        _ descriptor: inout Int32, into collector: inout OutputCollector,
        _ buffer: UnsafeMutableBufferPointer<UInt8>, _ executable: String
    ) throws(ProcessRunnerError) -> ReadResult {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count > 0 {
                collector.append(UnsafeBufferPointer(rebasing: buffer[..<count]))
                return .data
            }
            if count == 0 {
                ChildPipes.close(&descriptor)
                return .endOfFile
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw .readFailed(executable: executable, errno: errno)
            }
        }
    }

    /// Reads what is already buffered in the output pipes, without waiting, then
    /// closes them. The reads are bounded, as a surviving writer could keep going.
    private mutating func drainOutputs(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        for _ in 0..<Self.finalDrainReads where pipes.stdoutRead >= 0 {
            guard (try? Self.read(&pipes.stdoutRead, into: &stdout, buffer, executable)) == .data else { break }
        }
        for _ in 0..<Self.finalDrainReads where pipes.stderrRead >= 0 {
            guard (try? Self.read(&pipes.stderrRead, into: &stderr, buffer, executable)) == .data else { break }
        }
        ChildPipes.close(&pipes.stdoutRead)
        ChildPipes.close(&pipes.stderrRead)
    }

    /// Sends `SIGKILL` to the child's process group (and to the child, in case it left the
    /// group), then reaps it.
    private mutating func killGroupAndReap() throws(ProcessRunnerError) {
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
        _ = try reap(blocking: true)
    }

    /// Calls `waitpid` for the child, retrying on EINTR; records and reports whether it was reaped.
    private mutating func reap(blocking: Bool) throws(ProcessRunnerError) -> Bool {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid {
                waitStatus = status
                return true
            }
            if result == 0 { return false }
            let code = errno
            if code == EINTR { continue }
            if code == ECHILD { reapedElsewhere = true }
            throw .waitFailed(executable: executable, pid: pid, errno: code)
        }
    }
}
