import Logging
import MultinetPlanning

extension MultinetConfig.LogLevel {
    /// The swift-log level for this threshold.
    public var loggerLevel: Logger.Level {
        switch self {
        case .error: .error
        case .warn: .warning
        case .info: .info
        case .debug: .debug
        }
    }
}
