/// This process's memory as `/proc/self/status` tells it.
///
/// `VmHWM` is the peak resident set since the process started its program: unlike
/// `getrusage`'s `ru_maxrss`, it does not include the memory of the process that spawned
/// it (after a `vfork` the child shares its parent's memory until `exec`, and the kernel
/// carries that peak over). It counts the pages of the program's file too, which every
/// process running the same binary shares through the page cache; `RssAnon` is the
/// memory this process alone holds (heap, stacks), which malloc keeps mapped once used,
/// so read at the end it is close to its peak.
public enum PeakMemory {
    /// `VmHWM` in kB (1024 bytes, as the kernel counts); `nil` where it cannot be read.
    public static func residentKilobytes() -> Int? {
        status().flatMap { kilobytes("VmHWM", status: $0) }
    }

    /// `RssAnon` now, in kB; `nil` where it cannot be read.
    public static func privateKilobytes() -> Int? {
        status().flatMap { kilobytes("RssAnon", status: $0) }
    }

    private static func status() -> String? {
        guard let bytes = try? FileSystem.read("/proc/self/status", limit: 64 << 10) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The `field` line (`VmHWM`, `RssAnon`) of a `/proc/<pid>/status` text, in kB (pure;
    /// unit-tested).
    public static func kilobytes(_ field: String, status: String) -> Int? {
        let prefix = field + ":"
        for line in status.split(separator: "\n") where line.hasPrefix(prefix) {
            let fields = line.dropFirst(prefix.count).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 2, fields[1] == "kB" else { return nil }
            return Int(fields[0])
        }
        return nil
    }
}
