#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the plugin needs, on plain POSIX calls (no Foundation on the
/// pod-start path).
public enum FileSystem {
    /// Why a file operation failed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The path involved.
        public var path: String
        /// What was being done.
        public var operation: String
        /// The `errno` value.
        public var code: Int32

        package init(path: String, operation: String, code: Int32) {
            self.path = path
            self.operation = operation
            self.code = code
        }

        /// Whether the path does not exist.
        public var isNotFound: Bool { code == ENOENT || code == ENOTDIR }

        public var description: String {
            "\(operation) \(path): \(String(cString: strerror(code)))"
        }
    }

    /// The whole file, refusing files larger than `limit` bytes.
    public static func read(_ path: String, limit: Int = 16 << 20) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, operation: "read", code: errno)
            }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
            if out.count > limit { throw Failure(path: path, operation: "read (larger than \(limit) bytes)", code: EFBIG) }
        }
    }

    /// Reads everything from a descriptor (stdin) up to `limit` + 1 bytes.
    public static func readAll(fd: Int32, limit: Int) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while out.count <= limit {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: "fd \(fd)", operation: "read", code: errno)
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Writes all bytes to a descriptor, retrying short writes.
    public static func writeAll(fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    /// The names in a directory, sorted bytewise, without `.` and `..`.
    public static func list(_ path: String) throws(Failure) -> [String] {
        guard let dir = opendir(path) else { throw Failure(path: path, operation: "open directory", code: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Whether `path` names a regular file.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
