#if canImport(Glibc)
import Glibc
#endif

/// Plugin processes that a killed multinet left running for a container.
///
/// multinet starts each delegate in a process group of its own, so when the runtime kills
/// multinet (a timeout, an OOM kill) the delegate carries on: a bridge ADD may create its
/// interface and reserve its address *after* the runtime's DEL has torn the attachment
/// down and removed its record, and nothing would ever release them. Before tearing down
/// an interrupted attachment, multinet therefore waits for such leftovers to finish — and
/// kills them when they outlive `delegateTimeoutSeconds`.
///
/// A leftover is any process whose environment carries the container's `CNI_CONTAINERID`
/// (delegates and their own children inherit it), other than this process and its
/// ancestors (a meta-plugin that called multinet). The runtime never runs two operations
/// for one container at once (CNI spec), so nothing else can legitimately carry it.
package enum LeftoverPlugins {
    /// How often the process table is read while waiting.
    static let pollNanoseconds: UInt64 = 10_000_000

    /// What became of the leftovers.
    package struct Outcome: Equatable {
        /// Processes found on the first look.
        package var found: [Int32]
        /// Processes still running at the deadline, and killed.
        package var killed: [Int32]
    }

    /// Waits up to `timeoutSeconds` for the leftovers of `containerID` to exit, then kills
    /// those still running (`SIGKILL`) and waits briefly for them to go.
    package static func settle(containerID: String, timeoutSeconds: Double, procRoot: String = "/proc") -> Outcome {
        let excluded = Set(ancestry(procRoot: procRoot))
        let find = { () -> [Int32] in Self.find(containerID: containerID, excluding: excluded, procRoot: procRoot) }
        let found = find()
        guard !found.isEmpty else { return Outcome(found: [], killed: []) }
        let deadline = MonotonicClock.nanoseconds() &+ UInt64(max(timeoutSeconds, 0) * 1e9)
        var left = found
        while !left.isEmpty, MonotonicClock.nanoseconds() < deadline {
            sleep(nanoseconds: pollNanoseconds)
            left = find()
        }
        guard !left.isEmpty else { return Outcome(found: found, killed: []) }
        for pid in left { _ = kill(pid, SIGKILL) }
        // Killed processes vanish from the table once reaped by whoever adopted them.
        let grace = MonotonicClock.nanoseconds() &+ 1_000_000_000
        while !find().isEmpty, MonotonicClock.nanoseconds() < grace {
            sleep(nanoseconds: pollNanoseconds)
        }
        return Outcome(found: found, killed: left)
    }

    /// The live processes whose environment holds `CNI_CONTAINERID=containerID`, except
    /// `excluded`.
    static func find(containerID: String, excluding excluded: Set<Int32>, procRoot: String = "/proc") -> [Int32] {
        let needle = Array("CNI_CONTAINERID=\(containerID)".utf8)
        return processIDs(procRoot: procRoot).filter { pid in
            guard !excluded.contains(pid), let environ = read("\(procRoot)/\(pid)/environ") else { return false }
            return environment(environ, contains: needle)
        }
    }

    /// Whether a NUL-separated environment block holds exactly the entry `entry`.
    static func environment(_ block: [UInt8], contains entry: [UInt8]) -> Bool {
        block.split(separator: 0, omittingEmptySubsequences: true).contains { $0.elementsEqual(entry) }
    }

    /// The parent process ID in the text of `/proc/<pid>/stat`, whose second field (the
    /// command) may itself hold spaces and parentheses.
    static func parentID(stat text: [UInt8]) -> Int32? {
        guard let close = text.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = text[text.index(after: close)...].split(separator: UInt8(ascii: " "))
        // After the command: state, ppid, ...
        guard fields.count >= 2 else { return nil }
        return Int32(String(decoding: fields[1], as: UTF8.self))
    }

    /// This process and every ancestor up to init.
    static func ancestry(procRoot: String = "/proc") -> [Int32] {
        var chain: [Int32] = [getpid()]
        var current = getppid()
        while current > 1, !chain.contains(current), chain.count < 256 {
            chain.append(current)
            guard let stat = read("\(procRoot)/\(current)/stat"), let parent = parentID(stat: stat) else { break }
            current = parent
        }
        return chain
    }

    /// The numeric entries of `procRoot`.
    static func processIDs(procRoot: String) -> [Int32] {
        guard let directory = opendir(procRoot) else { return [] }
        defer { closedir(directory) }
        var pids: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let pid = Int32(name), pid > 0 { pids.append(pid) }
        }
        return pids
    }

    /// The whole content of a (small, procfs) file; `nil` when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return count == 0 ? bytes : nil
            }
        }
    }

    private static func sleep(nanoseconds: UInt64) {
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }
}
