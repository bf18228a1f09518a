import Foundation
import Glibc

/// A plugin process that is still running (or has just finished): its ``pid``, a way to
/// kill it, and its result.
///
/// ```swift
/// let running = try runner.start(.add(containerID: id, netns: netns.path, config: config))
/// try await Task.sleep(for: .milliseconds(20))
/// running.kill()                       // SIGKILL, as an OOM kill or node crash would
/// let result = try await running.wait() // result.signal == SIGKILL
/// ```
public final class RunningPlugin: Sendable {
    /// The plugin's process ID; it leads its own process group.
    public var pid: Int32 { child.pid }
    /// The executable that was started.
    public let executable: String
    /// The invocation it was started with.
    public let invocation: RuntimeInvocation

    private let child: ChildProcess

    init(child: ChildProcess, executable: String, invocation: RuntimeInvocation) {
        self.child = child
        self.executable = executable
        self.invocation = invocation
    }

    /// Whether the process has not exited yet.
    public var isRunning: Bool { child.isRunning }

    /// Sends `signal` (default `SIGKILL`) to the plugin, or with `processGroup` to the plugin
    /// and every process it started in its group (its delegates). Does nothing once it exited.
    public func kill(_ signal: Int32 = SIGKILL, processGroup: Bool = false) {
        child.send(signal, toProcessGroup: processGroup)
    }

    /// Waits for the plugin to exit and close its outputs, without blocking a thread of the
    /// cooperative pool. A killed plugin is a result (with ``CNIPluginResult/signal``), not
    /// an error; only the invocation's timeout throws.
    public func wait() async throws -> CNIPluginResult {
        result(from: try await child.wait())
    }

    /// ``wait()`` for synchronous code: blocks the calling thread.
    public func waitBlocking() throws -> CNIPluginResult {
        result(from: try child.waitBlocking())
    }

    private func result(from output: ChildProcess.Output) -> CNIPluginResult {
        CNIPluginResult(
            executable: executable, invocation: invocation, pid: child.pid, exitCode: output.exitCode,
            signal: output.signal, stdoutData: output.stdout, stderrData: output.stderr, duration: output.duration)
    }
}
