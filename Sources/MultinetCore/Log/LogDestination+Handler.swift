import Logging
import MultinetPlanning

extension LogDestination {
    /// The log handler writing to every destination (one line each), or discarding
    /// everything when there is none (`logToStderr: false` without `logFile`).
    public static func handler(label: String, destinations: [LogDestination], level: Logger.Level) -> any LogHandler {
        let handlers: [any LogHandler] = destinations.map { destination in
            switch destination {
            case .file(let path): FileLogHandler(label: label, path: path, level: level)
            case .stderr: FileLogHandler(label: label, path: nil, level: level)
            }
        }
        switch handlers.count {
        case 0: return SwiftLogNoOpLogHandler(label)
        case 1: return handlers[0]
        default: return MultiplexLogHandler(handlers)
        }
    }
}
