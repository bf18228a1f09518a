/// Where the plugin writes its log lines (never stdout, which carries the CNI result).
public enum LogDestination: Sendable, Equatable {
    /// Appended to a file (`logFile`).
    case file(String)
    /// The plugin's stderr, which the runtime keeps.
    case stderr
}
