import MultinetCheckpoint
import MultinetSystem

/// Runs delegates through another executor and notes each ADD, DEL and CHECK call's
/// plugin, outcome and duration in an ``OperationLog`` (the agent's
/// `multinet_delegate_duration_seconds`). Noting is an append in memory: the samples reach
/// the store with the next write the plugin makes anyway.
public struct RecordingDelegateExecutor: DelegateExecutor {
    /// The executor that runs the plugins.
    public var base: any DelegateExecutor
    /// Where calls are noted.
    public var log: OperationLog
    /// Wall-clock milliseconds, for when each call ended.
    public var wallClock: @Sendable () -> Int64

    /// A recording executor over `base`.
    public init(_ base: any DelegateExecutor, log: OperationLog,
                wallClock: @escaping @Sendable () -> Int64 = CheckpointStore.wallClockMilliseconds) {
        self.base = base
        self.log = log
        self.wallClock = wallClock
    }

    /// `base`'s lookup, not noted.
    public func findPlugin(type: String, in directories: [String]) throws -> String {
        try base.findPlugin(type: type, in: directories)
    }

    /// Runs the call through `base`; ADD, DEL and CHECK calls are noted, whatever their outcome.
    public func execute(_ call: DelegateCall) throws -> [UInt8] {
        guard call.command.needsContainer else { return try base.execute(call) }
        let started = MonotonicClock.nanoseconds()
        var outcome = OperationSample.Outcome.failure
        defer {
            log.append(OperationSample(
                command: call.command.rawValue.lowercased(), plugin: call.pluginName, outcome: outcome,
                durationMicroseconds: Int64((MonotonicClock.nanoseconds() &- started) / 1_000), finishedAt: wallClock()))
        }
        let stdout = try base.execute(call)
        outcome = .success
        return stdout
    }
}
