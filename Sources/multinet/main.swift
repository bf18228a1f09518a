// The multinet CNI plugin: driven by the CNI environment and the configuration on stdin.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import MultinetCore

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
    let failure = CNIError(code: CNIErrorCode.ioFailure, msg: "cannot read the configuration from stdin",
                           details: error.description)
    let outcome = CNIDispatcher.errorOutcome(failure, version: nil)
    FileSystem.writeAll(fd: 1, outcome.stdout)
    exit(outcome.exitCode)
}

let outcome = await CNIDispatcher.run(environment: environment, stdin: stdin) { config in
    let level = config.logLevel.loggerLevel
    let logger = Logger(label: "multinet") { label in
        FileLogHandler(label: label, path: config.logFile, level: level)
    }
    return Multinet(executor: ProcessDelegateExecutor(logger: logger), logger: logger,
                    kubeFactory: KubeClientAccessFactory(logger: logger))
}
FileSystem.writeAll(fd: 1, outcome.stdout)
exit(outcome.exitCode)
