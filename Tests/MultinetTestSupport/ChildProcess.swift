import Foundation
import Glibc

/// A child process started the way a container runtime starts a CNI plugin.
///
/// Spawned with `posix_spawn` rather than Foundation's `Process`, because `Process` on Linux
/// hands the child an open socket of its own, which any grandchild (a delegate, a daemon)
/// inherits and can keep open, making `Process` wait for it. A runtime written in Go starts
/// plugins with only the standard descriptors, an empty signal mask and default signal
/// dispositions; so does this type (whatever the spawning thread has blocked). The child
/// also leads its own process group, so a timeout kills it together with any delegates.
///
/// Standard output and error are read on dedicated threads while the child runs (no pipe
/// can fill up and stall it), standard input is written on another and then closed, and a
/// fourth thread reaps the child. None of them runs on Swift's cooperative pool, so many
/// children can run at once from a task group without starving it.
final class ChildProcess: @unchecked Sendable {
    /// What a finished child left behind.
    struct Output: Sendable {
        /// The exit status; `128 + signal` when a signal ended the child (as a shell reports it).
        var exitCode: Int32
        /// The signal that ended the child, if one did.
        var signal: Int32?
        /// Everything written to standard output.
        var stdout: Data
        /// Everything written to standard error.
        var stderr: Data
        /// Time from spawn until the child was reaped and both streams were closed.
        var duration: Duration
    }

    /// The child's process ID (also its process group ID).
    let pid: pid_t
    /// The command line, for messages.
    let commandLine: [String]

    private let lock = NSLock()
    private let startTime = ContinuousClock.now
    private let timeoutSeconds: Double
    private var stdoutData = Data()
    private var stderrData = Data()
    private var openStreams = 2
    private var reaped: (exitCode: Int32, signal: Int32?)?
    private var timedOut = false
    private var outcome: Result<Output, any Error>?
    private var waiters: [@Sendable (Result<Output, any Error>) -> Void] = []

    /// Starts `executable` with exactly `arguments` (without `argv[0]`, which is the executable's
    /// path) and exactly `environment`, writes `stdin` to its standard input and closes it.
    ///
    /// After `timeout` the child's whole process group is killed with `SIGKILL` and waiting
    /// for it throws ``TestSupportError/timedOut(command:seconds:stdout:stderr:)``.
    init(executable: String, arguments: [String], environment: [String: String], stdin: Data, timeout: Duration) throws {
        commandLine = [executable] + arguments
        timeoutSeconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18

        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        for index in 0..<3 {
            var fds: [Int32] = [-1, -1]
            guard Self.makePipe(&fds) == 0 else {
                let code = errno
                for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) }
                throw TestSupportError.spawnFailed(command: [executable] + arguments, errno: code)
            }
            switch index {
            case 0: stdinPipe = fds
            case 1: stdoutPipe = fds
            default: stderrPipe = fds
            }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        if let closeFrom = Self.addCloseFrom {
            _ = closeFrom(&actions, 3)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var childPID: pid_t = 0
        var spawnResult: Int32 = 0
        for attempt in 0..<100 {
            spawnResult = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
                (envp + [nil]).withUnsafeBufferPointer { envpBuffer in
                    posix_spawn(&childPID, executable, &actions, &attributes, argvBuffer.baseAddress!, envpBuffer.baseAddress!)
                }
            }
            // A script a test just wrote can be briefly "busy": a child another thread was
            // spawning at that moment holds the writable descriptor until its exec. Retry.
            guard spawnResult == ETXTBSY, attempt < 99 else { break }
            usleep(10_000)
        }
        // The child's ends belong to the child now (or to nobody, when spawning failed).
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawnResult == 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            close(stderrPipe[0])
            throw TestSupportError.spawnFailed(command: [executable] + arguments, errno: spawnResult)
        }
        pid = childPID

        let stdinFD = stdinPipe[1], stdoutFD = stdoutPipe[0], stderrFD = stderrPipe[0]
        Thread.detachNewThread { [self] in writeAll(stdin, to: stdinFD) }
        Thread.detachNewThread { [self] in drain(stdoutFD, isStdout: true) }
        Thread.detachNewThread { [self] in drain(stderrFD, isStdout: false) }
        Thread.detachNewThread { [self] in reap() }
        // A thread of its own: Dispatch's global queue can be starved by tests that block its
        // threads, and a starved timer would let a hung plugin outlive its timeout.
        let seconds = timeoutSeconds
        Thread.detachNewThread { [weak self] in
            Thread.sleep(forTimeInterval: seconds)
            self?.timeoutExpired()
        }
    }

    /// Whether the child has not been reaped yet.
    var isRunning: Bool {
        lock.withLock { reaped == nil }
    }

    /// Sends `signal` to the child, or to its whole process group (the child and anything it
    /// started that did not leave the group). Does nothing once the child has been reaped,
    /// so a recycled process ID is never hit.
    func send(_ signal: Int32, toProcessGroup: Bool = false) {
        lock.withLock {
            guard reaped == nil else { return }
            _ = Glibc.kill(toProcessGroup ? -pid : pid, signal)
        }
    }

    /// Waits without blocking a thread of the cooperative pool.
    func wait() async throws -> Output {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Output, any Error>) in
            whenFinished { continuation.resume(with: $0) }
        }
    }

    /// Blocks the calling thread until the child finished (or timed out).
    func waitBlocking() throws -> Output {
        let semaphore = DispatchSemaphore(value: 0)
        let box = ResultBox()
        whenFinished { result in
            box.set(result)
            semaphore.signal()
        }
        semaphore.wait()
        return try box.get().get()
    }

    // MARK: - Internals

    /// glibc's `pipe2` and `posix_spawn_file_actions_addclosefrom_np` need `_GNU_SOURCE`,
    /// which Swift's Glibc module does not define: look them up at run time instead.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static let pipe2: Pipe2? = dlsym(nil, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    private static let addCloseFrom: AddCloseFrom? =
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// A pipe whose both ends are close-on-exec (atomically with `pipe2`; where a C library
    /// lacks it, with `pipe` and `fcntl`) and numbered 3 or higher, so that the `dup2` onto
    /// 0, 1 and 2 cannot clobber one another even when the test process runs with a
    /// standard descriptor closed (as CI may, without standard input).
    private static func makePipe(_ fds: inout [Int32]) -> Int32 {
        if let pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { return -1 }
        } else {
            guard pipe(&fds) == 0 else { return -1 }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        for index in 0..<2 where fds[index] < 3 {
            let moved = fcntl(fds[index], F_DUPFD_CLOEXEC, Int32(3))
            guard moved >= 0 else { return -1 }
            close(fds[index])
            fds[index] = moved
        }
        return 0
    }

    private func whenFinished(_ callback: @escaping @Sendable (Result<Output, any Error>) -> Void) {
        let ready: Result<Output, any Error>? = lock.withLock {
            if let outcome { return outcome }
            waiters.append(callback)
            return nil
        }
        if let ready { callback(ready) }
    }

    private func writeAll(_ data: Data, to fd: Int32) {
        // A child that exits without reading its input must not kill the test process with
        // SIGPIPE: block it on this thread only, so `write` fails with EPIPE instead.
        var pipeOnly = sigset_t()
        sigemptyset(&pipeOnly)
        sigaddset(&pipeOnly, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeOnly, nil)
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                pointer += written
                remaining -= written
            }
        }
        close(fd)
    }

    private func drain(_ fd: Int32, isStdout: Bool) {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer, size)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            let chunk = Data(bytes: buffer, count: count)
            lock.withLock {
                if isStdout { stdoutData.append(chunk) } else { stderrData.append(chunk) }
            }
        }
        close(fd)
        lock.withLock { openStreams -= 1 }
        finishIfDone()
    }

    private func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR {
                status = 255 << 8
                break
            }
        }
        let signalNumber = status & 0x7f
        let result: (Int32, Int32?) = signalNumber == 0 ? ((status >> 8) & 0xff, nil) : (128 + signalNumber, signalNumber)
        lock.withLock { reaped = result }
        finishIfDone()
    }

    private func timeoutExpired() {
        let expired: Bool = lock.withLock {
            guard outcome == nil else { return false }
            timedOut = true
            // Kill the whole group: delegates holding our pipes open would delay EOF otherwise.
            _ = Glibc.kill(-pid, SIGKILL)
            if reaped == nil { _ = Glibc.kill(pid, SIGKILL) }
            return true
        }
        guard expired else { return }
        // If something outside the group still holds the pipes, give up waiting for EOF.
        Thread.detachNewThread { [weak self] in
            Thread.sleep(forTimeInterval: 5)
            self?.finish(force: true)
        }
        finishIfDone()
    }

    private func finishIfDone() {
        finish(force: false)
    }

    private func finish(force: Bool) {
        let (callbacks, result): ([@Sendable (Result<Output, any Error>) -> Void], Result<Output, any Error>?) = lock.withLock {
            guard outcome == nil else { return ([], nil) }
            guard force || (reaped != nil && openStreams == 0) else { return ([], nil) }
            let stdoutText = String(decoding: stdoutData, as: UTF8.self)
            let stderrText = String(decoding: stderrData, as: UTF8.self)
            let elapsed = ContinuousClock.now - startTime
            let result: Result<Output, any Error>
            if timedOut {
                result = .failure(TestSupportError.timedOut(
                    command: commandLine, seconds: timeoutSeconds, stdout: stdoutText, stderr: stderrText))
            } else {
                let exit = reaped ?? (exitCode: 255, signal: nil)
                result = .success(Output(
                    exitCode: exit.exitCode, signal: exit.signal, stdout: stdoutData, stderr: stderrData, duration: elapsed))
            }
            outcome = result
            let callbacks = waiters
            waiters = []
            return (callbacks, result)
        }
        guard let result else { return }
        for callback in callbacks { callback(result) }
    }
}

/// Carries a result from a callback thread to a thread blocked on a semaphore.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<ChildProcess.Output, any Error>?

    func set(_ value: Result<ChildProcess.Output, any Error>) {
        lock.withLock { result = value }
    }

    func get() -> Result<ChildProcess.Output, any Error> {
        lock.withLock { result ?? .failure(TestSupportError.fileSystem(path: "-", reason: "no result")) }
    }
}
