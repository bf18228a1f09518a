#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system side of the store: the state directory, the database file's creation
/// and permissions, and moving a damaged database aside. No Foundation (startup time).
enum CheckpointFileSystem {
    /// Which file a path named at one moment (device and inode).
    struct FileIdentity: Equatable {
        let device: UInt64
        let inode: UInt64
    }

    /// Mode bits the store never allows on what it owns: any access for group or others.
    static let looseBits: mode_t = 0o077

    /// Makes sure `directory` exists with mode 0700: creates it (and missing parents, which
    /// get 0755 under the caller's umask) or tightens an existing looser one.
    static func prepareDirectory(_ directory: String, store: String) throws(CheckpointError) {
        let parent = parentDirectory(of: directory)
        if let parent, !exists(parent) {
            try makeDirectories(parent, store: store)
        }
        let created = try ProcessUmask.restricted { () throws(CheckpointError) in
            if mkdir(directory, 0o700) == 0 { return true }
            guard errno == EEXIST else {
                throw .fileSystem(path: store, activity: "creating the state directory", file: directory, errno: errno)
            }
            return false
        }
        if created, let parent { syncDirectory(parent) }
        var info = stat()
        guard stat(directory, &info) == 0 else {
            throw .fileSystem(path: store, activity: "checking the state directory", file: directory, errno: errno)
        }
        guard info.st_mode & 0o170000 == 0o040000 else {
            throw .notADirectory(path: store, directory: directory)
        }
        if info.st_mode & looseBits != 0, chmod(directory, 0o700) != 0 {
            throw .fileSystem(path: store, activity: "restricting the state directory to 0700", file: directory, errno: errno)
        }
    }

    /// Makes sure the database file exists with mode 0600 (creating an empty one, which
    /// SQLite treats as a new database) and tightens its `-wal`/`-shm` files to 0600 if
    /// they exist: SQLite creates those with the database file's mode. Returns the file's
    /// identity, to recognise it later.
    static func prepareDatabaseFile(_ path: String) throws(CheckpointError) -> FileIdentity {
        let (descriptor, created) = try ProcessUmask.restricted { () throws(CheckpointError) in
            let created = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if created >= 0 { return (created, true) }
            guard errno == EEXIST else {
                throw .fileSystem(path: path, activity: "creating the database file", file: path, errno: errno)
            }
            let existing = open(path, O_RDONLY | O_CLOEXEC)
            guard existing >= 0 else {
                throw .fileSystem(path: path, activity: "opening the database file", file: path, errno: errno)
            }
            return (existing, false)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .fileSystem(path: path, activity: "checking the database file", file: path, errno: errno)
        }
        if info.st_mode & looseBits != 0, fchmod(descriptor, 0o600) != 0 {
            throw .fileSystem(path: path, activity: "restricting the database file to 0600", file: path, errno: errno)
        }
        if created, let parent = parentDirectory(of: path) {
            syncDirectory(parent)
        }
        for suffix in ["-wal", "-shm"] {
            try restrict(path + suffix, store: path)
        }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Tightens `file` to 0600 if it exists and is looser.
    static func restrict(_ file: String, store: String) throws(CheckpointError) {
        var info = stat()
        guard stat(file, &info) == 0 else {
            if errno == ENOENT { return }
            throw .fileSystem(path: store, activity: "checking file permissions", file: file, errno: errno)
        }
        if info.st_mode & looseBits != 0, chmod(file, 0o600) != 0 {
            throw .fileSystem(path: store, activity: "restricting a file to 0600", file: file, errno: errno)
        }
    }

    /// Renames the damaged database (and its `-wal`/`-shm`) to `<path>.corrupt-<stamp>`.
    ///
    /// Processes that find the same damage serialise on an exclusive `flock` of the damaged
    /// file and move it only if `path` still names the file they examined (`identity`).
    /// Returns `nil` when another process moved it first. Nothing is deleted.
    static func moveAside(_ path: String, identity: FileIdentity, stamp: Int64) throws(CheckpointError) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .fileSystem(path: path, activity: "opening the damaged database", file: path, errno: errno)
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw .fileSystem(path: path, activity: "locking the damaged database", file: path, errno: errno)
            }
        }
        guard currentIdentity(of: path) == identity else { return nil }
        var target = "\(path).corrupt-\(stamp)"
        var counter = 1
        while exists(target) {
            target = "\(path).corrupt-\(stamp)-\(counter)"
            counter += 1
        }
        guard rename(path, target) == 0 else {
            throw .fileSystem(path: path, activity: "moving the damaged database aside", file: target, errno: errno)
        }
        for suffix in ["-wal", "-shm"] {
            guard rename(path + suffix, target + suffix) == 0 || errno == ENOENT else {
                throw .fileSystem(path: path, activity: "moving the damaged database's \(suffix) aside", file: target + suffix, errno: errno)
            }
        }
        if let parent = parentDirectory(of: path) { syncDirectory(parent) }
        return target
    }

    /// The identity of the file `path` names now; `nil` if there is none.
    static func currentIdentity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// `directory` joined with `name`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Flushes a directory's entries, so a created or renamed file survives power loss.
    /// Best effort: failures only weaken durability of the name, never correctness.
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func makeDirectories(_ directory: String, store: String) throws(CheckpointError) {
        if let parent = parentDirectory(of: directory), !exists(parent) {
            try makeDirectories(parent, store: store)
        }
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
            throw .fileSystem(path: store, activity: "creating a parent of the state directory", file: directory, errno: errno)
        }
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The parent of `path` (`nil` for `/` or a bare relative name).
    private static func parentDirectory(of path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        if slash == trimmed.startIndex { return trimmed == "/" ? nil : "/" }
        return String(trimmed[..<slash])
    }
}
