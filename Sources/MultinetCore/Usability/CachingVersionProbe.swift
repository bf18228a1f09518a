#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MultinetCNI

/// Probes each plugin binary once and remembers the answer, keyed by path, size and
/// modification time: a plugin replaced on disk (an upgrade) is asked again.
public actor CachingVersionProbe: PluginVersionProbe {
    /// A binary as it is on disk now.
    struct Key: Hashable {
        var path: String
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    private let probe: any PluginVersionProbe
    private var cache: [Key: Result<[CNIVersion], CNIError>] = [:]
    /// How many times the underlying probe ran (for tests).
    public private(set) var probes = 0

    /// A cache in front of `probe`.
    public init(probe: any PluginVersionProbe = ProcessVersionProbe()) {
        self.probe = probe
    }

    public func versions(ofPluginAt path: String) async -> Result<[CNIVersion], CNIError> {
        guard let key = Self.key(path) else { return await probe.versions(ofPluginAt: path) }
        if let known = cache[key] { return known }
        probes += 1
        let answer = await probe.versions(ofPluginAt: path)
        cache[key] = answer
        return answer
    }

    private static func key(_ path: String) -> Key? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Key(path: path, size: Int64(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }
}
