// The multinet CNI plugin: driven by the CNI environment and the configuration on stdin.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import MultinetCore
import MultinetCNI
import MultinetPlanning
import MultinetSystem

let mainStarted = MonotonicClock.nanoseconds()
var environment: [String: String] = [:]
var cursor = environ
while let entry = cursor.pointee {
    let pair = String(cString: entry)
    if let eq = pair.firstIndex(of: "=") {
        environment[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
    }
    cursor += 1
}

let stdin: [UInt8]
do {
    stdin = try FileSystem.readAll(fd: 0, limit: MultinetConfig.maximumConfigBytes)
} catch {
    let outcome = CNIDispatcher.errorOutcome(ConfigError.stdinUnreadable(problem: error.description).cniError, version: nil)
    FileSystem.writeAll(fd: 1, outcome.stdout)
    exit(outcome.exitCode)
}

let phases = PhaseClock()
let (outcome, pluginLogger) = blockingMain { [environment, stdin, mainStarted] in
    let loggerBox = PluginLoggerBox()
    let outcome = await CNIDispatcher.run(environment: environment, stdin: stdin) { config in
        phases.record("config", nanoseconds: MonotonicClock.nanoseconds() &- mainStarted)
        let level = config.logLevel.loggerLevel
        let destinations = config.logDestinations
        let logger = Logger(label: "multinet") { label in
            LogDestination.handler(label: label, destinations: destinations, level: level)
        }
        loggerBox.logger = logger
        return Multinet(executor: ProcessDelegateExecutor(logger: logger), logger: logger,
                        kubeFactory: KubeClientAccessFactory(logger: logger), phases: phases, started: mainStarted)
    }
    return (outcome, loggerBox.logger)
}
FileSystem.writeAll(fd: 1, outcome.stdout)
if let logger = pluginLogger, logger.logLevel <= .debug {
    // The profile behind README "Performance": where this invocation's time went.
    var metadata: Logger.Metadata = [
        "command": .string(environment["CNI_COMMAND"] ?? ""),
        "container": .string(environment["CNI_CONTAINERID"] ?? ""),
        "exit": .string(String(outcome.exitCode)),
        "total": .string(PhaseClock.milliseconds(MonotonicClock.nanoseconds() &- mainStarted) + "ms"),
    ]
    for (name, value) in phases.summary { metadata[name] = .string(value) }
    if let peak = PeakMemory.residentKilobytes() { metadata["peakRSS"] = .string("\(peak)kB") }
    if let own = PeakMemory.privateKilobytes() { metadata["privateRSS"] = .string("\(own)kB") }
    logger.debug("timings", metadata: metadata)
}
exit(outcome.exitCode)
