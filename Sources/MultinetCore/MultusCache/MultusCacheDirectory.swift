#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MultinetPlanning
import MultinetSystem

/// Multus's cache directory on disk (`cniDir`): the entries `<cniDir>/<containerID>` and
/// libcni's results under `<cniDir>/results/`.
///
/// Everything in it is treated as hostile: only plain file names are opened, directly
/// inside the directory; a symbolic link is never followed (`O_NOFOLLOW`, also for the
/// `results` directory), anything but a regular file is refused unopened, and a file
/// larger than ``maximumFileBytes`` is not read.
public struct MultusCacheDirectory: Sendable {
    /// The directory (multinet's `cniDir`).
    public var path: String

    /// The largest entry or results file read: the limit for configuration files.
    public static let maximumFileBytes = MultinetConfig.maximumConfigBytes

    /// What reading one file found.
    public enum Reading: Sendable, Equatable {
        /// There is no such file (or no such directory).
        case absent
        /// There is something, but it must not or cannot be read; the reason names it.
        case unusable(String)
        /// The file's bytes.
        case contents([UInt8])
    }

    /// The cache directory at `path`.
    public init(path: String) {
        self.path = path
    }

    /// `<cniDir>/<containerID>`.
    public func entryPath(containerID: String) -> String { join(path, containerID) }

    /// `<cniDir>/results`.
    public var resultsPath: String { join(path, "results") }

    /// `<cniDir>/results/<name>`.
    public func resultPath(_ name: String) -> String { join(resultsPath, name) }

    /// The cache entry of a container.
    public func readEntry(containerID: String) -> Reading {
        Self.read(directory: path, name: containerID, noFollowDirectory: false)
    }

    /// A libcni results file.
    public func readResult(_ name: String) -> Reading {
        Self.read(directory: resultsPath, name: name, noFollowDirectory: true)
    }

    /// Removes a container's cache entry; one already gone is fine.
    public func removeEntry(containerID: String) throws(FileSystem.Failure) {
        try Self.remove(directory: path, name: containerID, noFollowDirectory: false)
    }

    /// Removes a libcni results file (the `results` directory stays); one already gone is fine.
    public func removeResult(_ name: String) throws(FileSystem.Failure) {
        try Self.remove(directory: resultsPath, name: name, noFollowDirectory: true)
    }

    /// Why `name` is not one plain file name, or `nil` when it is.
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name == "." || name == ".." { return "'.' and '..' are not file names" }
        if name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == 0 }) { return "the name contains '/' or NUL" }
        if name.utf8.count > 255 { return "the name is longer than 255 bytes" }
        return nil
    }

    private func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func openDirectory(_ directory: String, noFollow: Bool) -> (fd: Int32, errno: Int32) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (noFollow ? O_NOFOLLOW : 0))
        return (fd, fd < 0 ? errno : 0)
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    static func read(directory: String, name: String, noFollowDirectory: Bool) -> Reading {
        if let problem = nameProblem(name) { return .unusable(problem) }
        let dir = openDirectory(directory, noFollow: noFollowDirectory)
        guard dir.fd >= 0 else {
            switch dir.errno {
            case ENOENT: return .absent
            case ELOOP, ENOTDIR:
                var info = stat()
                if lstat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                    return .unusable("the directory \(directory) is a symbolic link; it is never followed")
                }
                return .unusable("\(directory) is not a directory")
            default: return .unusable("cannot open the directory \(directory): \(describe(dir.errno))")
            }
        }
        defer { close(dir.fd) }
        var info = stat()
        guard fstatat(dir.fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            let code = errno
            return code == ENOENT ? .absent : .unusable("cannot inspect it: \(describe(code))")
        }
        if let problem = typeProblem(info.st_mode) { return .unusable(problem) }
        let fd = openat(dir.fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return .absent }
            return .unusable(code == ELOOP ? "it is a symbolic link; links are never followed" : "cannot open it: \(describe(code))")
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { return .unusable("cannot inspect it: \(describe(errno))") }
        if let problem = typeProblem(info.st_mode) { return .unusable(problem) }
        guard Int(info.st_size) <= maximumFileBytes else {
            return .unusable("it is \(info.st_size) bytes; the limit is \(maximumFileBytes)")
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readAll(fd: fd, limit: maximumFileBytes)
        } catch {
            return .unusable("cannot read it: \(describe(error.code))")
        }
        guard bytes.count <= maximumFileBytes else {
            return .unusable("it is larger than \(maximumFileBytes) bytes, the limit")
        }
        return .contents(bytes)
    }

    /// Why a file of this mode is not read, or `nil` for a regular file.
    static func typeProblem(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFLNK: "it is a symbolic link; links are never followed"
        case S_IFDIR: "it is a directory, not a file"
        case S_IFIFO: "it is a FIFO, not a regular file"
        case S_IFSOCK: "it is a socket, not a regular file"
        case S_IFCHR, S_IFBLK: "it is a device, not a regular file"
        default: "it is not a regular file"
        }
    }

    static func remove(directory: String, name: String, noFollowDirectory: Bool) throws(FileSystem.Failure) {
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        if nameProblem(name) != nil { throw FileSystem.Failure(path: path, operation: "remove", code: EINVAL) }
        let dir = openDirectory(directory, noFollow: noFollowDirectory)
        guard dir.fd >= 0 else {
            if dir.errno == ENOENT { return }
            throw FileSystem.Failure(path: directory, operation: "open directory", code: dir.errno)
        }
        defer { close(dir.fd) }
        guard unlinkat(dir.fd, name, 0) == 0 else {
            let code = errno
            if code == ENOENT { return }
            throw FileSystem.Failure(path: path, operation: "remove", code: code)
        }
    }
}
