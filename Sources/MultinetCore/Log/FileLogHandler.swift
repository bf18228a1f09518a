#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import MultinetSystem

/// A swift-log handler that appends one line per message to a file descriptor (`logFile`,
/// opened `O_APPEND` with mode 0600, or stderr). Never stdout: stdout carries the CNI result.
public struct FileLogHandler: LogHandler {
    /// The descriptor written to; shared by copies of the handler.
    private let sink: Sink
    /// Minimum level.
    public var logLevel: Logger.Level
    /// Metadata attached to every message.
    public var metadata: Logger.Metadata = [:]
    private let label: String

    final class Sink: Sendable {
        let fd: Int32
        let owned: Bool
        init(fd: Int32, owned: Bool) {
            self.fd = fd
            self.owned = owned
        }
        deinit { if owned { close(fd) } }
    }

    /// A handler writing to `path`, or to stderr when `path` is `nil` or cannot be opened.
    public init(label: String, path: String?, level: Logger.Level) {
        self.label = label
        self.logLevel = level
        if let path {
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            sink = fd >= 0 ? Sink(fd: fd, owned: true) : Sink(fd: 2, owned: false)
        } else {
            sink = Sink(fd: 2, owned: false)
        }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = Self.timestamp()
        line += " \(event.level.rawValue.uppercased()) \(label)[\(getpid())]: \(event.message)"
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        for key in merged.keys.sorted() {
            line += " \(key)=\(Self.quote("\(merged[key]!)"))"
        }
        line += "\n"
        // One write call per line: O_APPEND keeps lines from concurrent plugins intact.
        FileSystem.writeAll(fd: sink.fd, Array(line.utf8))
    }

    static func quote(_ value: String) -> String {
        if !value.isEmpty, !value.contains(where: { $0 == " " || $0 == "\"" || $0 == "\n" || $0 == "=" }) {
            return value
        }
        var out = "\""
        for ch in value {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    static func timestamp() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var t = ts.tv_sec
        var parts = tm()
        gmtime_r(&t, &parts)
        func pad(_ v: Int32, _ width: Int = 2) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let millis = pad(Int32(ts.tv_nsec / 1_000_000), 3)
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)).\(millis)Z"
    }
}
