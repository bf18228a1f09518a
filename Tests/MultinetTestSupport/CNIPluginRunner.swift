import Foundation

/// Runs a CNI plugin executable exactly as a container runtime does: a fresh process with
/// only the invocation's environment, the config on standard input, stdout and stderr
/// captured, and a time limit.
///
/// The runner is a value and `Sendable`, so one runner can drive many calls at once:
/// ```swift
/// let runner = try CNIPluginRunner.multinet()
/// try await withThrowingTaskGroup(of: CNIPluginResult.self) { group in
///     for invocation in invocations {
///         group.addTask { try await runner.run(invocation) }
///     }
///     for try await result in group { try result.requireSuccess() }
/// }
/// ```
/// Waiting never blocks Swift's cooperative thread pool, so dozens of parallel plugins
/// run concurrently even on a two-core machine.
public struct CNIPluginRunner: Sendable {
    /// The absolute path of the plugin executable.
    public var executable: String

    /// A runner for the executable at `executable`.
    public init(executable: String) {
        self.executable = executable
    }

    /// A runner for the reference plugin `name` (`bridge`, `host-local`, `macvlan`, …) in
    /// `directory`, Debian's `/usr/lib/cni` by default.
    public static func plugin(_ name: String, in directory: String = RuntimeInvocation.debianPluginDirectory) -> CNIPluginRunner {
        CNIPluginRunner(executable: directory + "/" + name)
    }

    /// A runner for the built `multinet` binary (see ``MultinetBinary/path``).
    public static func multinet() throws -> CNIPluginRunner {
        CNIPluginRunner(executable: try MultinetBinary.path)
    }

    /// Starts the plugin and returns at once with a handle to wait for it or kill it.
    public func start(_ invocation: RuntimeInvocation) throws -> RunningPlugin {
        let child = try ChildProcess(
            executable: executable, arguments: [], environment: invocation.environment,
            stdin: invocation.config, timeout: .milliseconds(Int64(invocation.timeout * 1000)))
        return RunningPlugin(child: child, executable: executable, invocation: invocation)
    }

    /// Runs the plugin to the end. A non-zero exit is not an error here (see
    /// ``CNIPluginResult/requireSuccess()``); a plugin that cannot start or outlives
    /// ``RuntimeInvocation/timeout`` is.
    public func run(_ invocation: RuntimeInvocation) async throws -> CNIPluginResult {
        try await start(invocation).wait()
    }

    /// ``run(_:)`` for synchronous code: blocks the calling thread.
    public func runBlocking(_ invocation: RuntimeInvocation) throws -> CNIPluginResult {
        try start(invocation).waitBlocking()
    }
}
