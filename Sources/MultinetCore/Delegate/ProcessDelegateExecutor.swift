import Logging
import MultinetCNI
import MultinetJSON
import MultinetSystem

/// Runs delegates as child processes through ``ProcessRunner``; their stderr goes to the log.
public struct ProcessDelegateExecutor: DelegateExecutor {
    /// Where delegate stderr and timings are logged.
    public var logger: Logger

    /// An executor logging to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    public func findPlugin(type: String, in directories: [String]) throws -> String {
        try PluginLocator.find(type: type, in: directories)
    }

    public func execute(_ call: DelegateCall) throws -> [UInt8] {
        let request = ProcessRequest(executable: call.pluginPath, arguments: [], environment: call.environment,
                                     stdin: call.stdin, timeoutSeconds: call.timeoutSeconds)
        let output: ProcessOutput
        do {
            output = try ProcessRunner.run(request)
        } catch {
            throw DelegateFailure.cannotRun(plugin: call.pluginName, command: call.command.rawValue, problem: error.description)
        }
        let millis = Double(output.durationNanoseconds) / 1_000_000
        if !output.stderr.isEmpty {
            logger.debug("plugin stderr", metadata: [
                "plugin": .string(call.pluginName), "command": .string(call.command.rawValue),
                "stderr": .string(String(decoding: output.stderr.suffix(4096), as: UTF8.self)),
            ])
        }
        logger.debug("plugin finished", metadata: [
            "plugin": .string(call.pluginName), "command": .string(call.command.rawValue),
            "exit": .string("\(output.exit)"), "ms": .string(String(Int(millis))),
        ])
        return try Self.interpret(output, call: call)
    }

    /// Turns a finished process into stdout or a ``CNIError`` (pure; unit-tested).
    public static func interpret(_ output: ProcessOutput, call: DelegateCall) throws -> [UInt8] {
        let stderrTail = String(decoding: output.stderr.suffix(512), as: UTF8.self)
        switch output.exit {
        case .exited(0):
            if output.stdoutTruncated {
                throw DelegateFailure.outputTooLarge(plugin: call.pluginName, command: call.command.rawValue)
            }
            return output.stdout
        case .exited(let status):
            if let json = try? JSONValue(parsing: output.stdout), var error = CNIError(json: json) {
                if error.msg.isEmpty { error.msg = "plugin \(call.pluginName) failed with exit status \(status)" }
                throw error
            }
            throw DelegateFailure.failedWithoutError(plugin: call.pluginName, command: call.command.rawValue, status: status,
                                                     output: stderrTail.isEmpty ? Self.preview(output.stdout) : stderrTail)
        case .signaled(let signal):
            throw DelegateFailure.killed(plugin: call.pluginName, command: call.command.rawValue, signal: signal, stderr: stderrTail)
        case .timedOut:
            throw DelegateFailure.timedOut(plugin: call.pluginName, command: call.command.rawValue,
                                           seconds: Self.format(call.timeoutSeconds), stderr: stderrTail)
        }
    }

    static func preview(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(200), as: UTF8.self)
        return text.isEmpty ? "" : "stdout: \(text)"
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
