#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminfo directory holding one built-in entry, private to this process: a fresh
/// `mkdtemp` directory (0700) with the entry at its usual place (0600). Point `TERMINFO`
/// at ``path`` while curses reads the entry, then ``remove()`` it; curses keeps what it
/// read in memory.
public struct PrivateTerminfoDirectory: Sendable {
    /// The directory (`TERMINFO`'s value).
    public let path: String
    /// The entry it holds.
    public let entry: BuiltInTerminfo

    /// Creates `<base>/multinet-terminfo.XXXXXX` with `entry` in it; nothing is left when
    /// this throws.
    public init(entry: BuiltInTerminfo, base: String) throws(TerminfoDirectoryError) {
        var template = Array((base + "/multinet-terminfo.XXXXXX").utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TerminfoDirectoryError(path: base, operation: "create a private terminfo directory in", code: errno)
        }
        path = String(cString: created)
        self.entry = entry
        do {
            try write()
        } catch {
            remove()
            throw error
        }
    }

    /// The directory named by the entry's first letter (`<path>/x`).
    var letterDirectory: String { path + "/" + entry.name.prefix(1) }

    /// The entry's file (`<path>/x/xterm-256color`).
    public var entryPath: String { path + "/" + entry.relativePath }

    private func write() throws(TerminfoDirectoryError) {
        guard mkdir(letterDirectory, 0o700) == 0 else {
            throw TerminfoDirectoryError(path: letterDirectory, operation: "mkdir", code: errno)
        }
        let fd = open(entryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw TerminfoDirectoryError(path: entryPath, operation: "create", code: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < entry.bytes.count {
            let written = entry.bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw TerminfoDirectoryError(path: entryPath, operation: "write", code: errno)
            }
            offset += written
        }
    }

    /// Removes the entry and both directories, best effort; safe to call twice.
    public func remove() {
        unlink(entryPath)
        rmdir(letterDirectory)
        rmdir(path)
    }
}

extension PrivateTerminfoDirectory {
    /// Where the directory is made: `TMPDIR`, else `/tmp`.
    public static func base(environment: [String: String]) -> String {
        if let tmp = environment["TMPDIR"], tmp.hasPrefix("/") { return tmp }
        return "/tmp"
    }

    /// Runs `body` with `TERMINFO` naming a private directory that holds `entry`, then
    /// restores `TERMINFO` (or its absence) and removes the directory. Call it before other
    /// threads read the environment (the inspector does, before its first snapshot).
    public static func with<T>(_ entry: BuiltInTerminfo, base: String, _ body: (PrivateTerminfoDirectory) -> T) throws(TerminfoDirectoryError) -> T {
        let directory = try PrivateTerminfoDirectory(entry: entry, base: base)
        defer { directory.remove() }
        let previous = getenv("TERMINFO").map { String(cString: $0) }
        setenv("TERMINFO", directory.path, 1)
        defer {
            if let previous { setenv("TERMINFO", previous, 1) } else { unsetenv("TERMINFO") }
        }
        return body(directory)
    }
}
