/// This process's peak resident set (`VmHWM` in `/proc/self/status`): the most memory it
/// had in RAM at once since it started its program. Unlike `getrusage`'s `ru_maxrss`, it
/// does not include the memory of the process that spawned it (after a `vfork` the child
/// shares its parent's memory until `exec`, and the kernel carries that peak over).
public enum PeakMemory {
    /// The peak in kilobytes (kB, as the kernel counts: 1024 bytes); `nil` where
    /// `/proc/self/status` cannot be read or has no `VmHWM`.
    public static func residentKilobytes() -> Int? {
        guard let bytes = try? FileSystem.read("/proc/self/status", limit: 64 << 10) else { return nil }
        return residentKilobytes(status: String(decoding: bytes, as: UTF8.self))
    }

    /// The `VmHWM` line of a `/proc/<pid>/status` text, in kB (pure; unit-tested).
    public static func residentKilobytes(status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 2, fields[1] == "kB" else { return nil }
            return Int(fields[0])
        }
        return nil
    }
}
