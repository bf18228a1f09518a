#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which node the inspector shows.
public enum NodeName {
    /// `--node` when given, else `NODE_NAME`, else the lowercased host name (as the
    /// kubelet names its node by default).
    public static func choose(option: String?, environment: [String: String], hostname: () -> String = NodeName.hostname) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["NODE_NAME"], !variable.isEmpty { return variable }
        return hostname().lowercased()
    }

    /// `gethostname(2)`.
    public static func hostname() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
