#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MultinetSystem

/// The lock that decides which multinet process changes one container's attachments: the
/// runtime's ADD or DEL (the plugin), the agent's reclaim, a hot-plug. Whoever holds it
/// reads the records and acts on them; whoever comes second sees what the first left (a
/// DEL after a reclaim finds nothing to tear down).
///
/// One file for every container, `<stateDir>/containers.lock` (0600), and one byte of it
/// per container, at an offset hashed from the container ID: an open file description
/// lock (`F_OFD_SETLK`), so no file per container accumulates, nothing is ever unlinked
/// from under a waiter, and the kernel releases it when the holder exits or is killed.
/// Two containers whose IDs hash alike only wait for each other. Released on ``release()``
/// or when the value is dropped.
public final class ContainerLock {
    /// The lock file's name inside the state directory.
    public static let fileName = "containers.lock"

    private var descriptor: Int32
    /// The container it locks.
    public let containerID: String

    /// `F_OFD_SETLK` (linux/fcntl.h; Glibc's module does not export it).
    private static let setLock: Int32 = 37

    private init(descriptor: Int32, containerID: String) {
        self.descriptor = descriptor
        self.containerID = containerID
    }

    deinit { release() }

    /// The byte of `containerID` in the lock file.
    static func offset(of containerID: String) -> Int64 {
        Int64(truncatingIfNeeded: FNV1a.hash64(containerID) & 0x3fff_ffff_ffff_ffff)
    }

    /// Takes `containerID`'s lock in `directory` (which must exist), waiting up to
    /// `waitSeconds` (0: not at all) for another holder; `nil` when it is still held then
    /// and `waitSeconds` is 0; `.containerLocked` after a wait in vain.
    public static func acquire(directory: String, containerID: String,
                               waitSeconds: Double = 60) throws(CheckpointError) -> ContainerLock? {
        let path = directory + "/" + fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw .fileSystem(path: path, activity: "opening the container lock", file: path, errno: errno)
        }
        let lock = ContainerLock(descriptor: descriptor, containerID: containerID)
        let deadline = MonotonicClock.nanoseconds() &+ UInt64(max(0, waitSeconds) * 1e9)
        var pause: UInt32 = 1_000
        while true {
            var request = lock.request(type: Int16(F_WRLCK))
            if fcntl(descriptor, setLock, &request) == 0 { return lock }
            let failure = errno
            guard failure == EAGAIN || failure == EACCES || failure == EINTR else {
                throw .fileSystem(path: path, activity: "locking container \(containerID)", file: path, errno: failure)
            }
            if MonotonicClock.nanoseconds() >= deadline {
                if waitSeconds <= 0 { return nil }
                throw .containerLocked(path: path, containerID: containerID, waitedSeconds: waitSeconds)
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
    }

    /// Releases the lock (closing the descriptor); idempotent.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    private func request(type: Int16) -> flock {
        var request = flock()
        request.l_type = type
        request.l_whence = Int16(SEEK_SET)
        request.l_start = off_t(Self.offset(of: containerID))
        request.l_len = 1
        request.l_pid = 0
        return request
    }
}
