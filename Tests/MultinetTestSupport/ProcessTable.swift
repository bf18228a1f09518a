import Foundation

/// The machine's processes as `/proc` shows them: finds the plugin processes still
/// working for given containers (a delegate orphaned when multinet was killed carries the
/// container's `CNI_CONTAINERID` in its environment).
public enum ProcessTable {
    /// Whether `pid` exists and has not exited: a zombie (exited, not yet reaped by a parent
    /// that may never reap it, such as a container's PID 1) counts as ended.
    public static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0,
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        // `pid (comm) S ...`: the state follows the command name, which may itself hold ")".
        let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
        return state != "Z" && state != "X"
    }

    /// The IDs of live processes whose environment holds `key=value` for one of `values`.
    public static func pids(withEnvironment key: String, in values: Set<String>) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                  let environ = FileManager.default.contents(atPath: "/proc/\(entry)/environ") else { return nil }
            let found = environ.split(separator: 0).contains { variable in
                let text = String(decoding: variable, as: UTF8.self)
                guard text.hasPrefix(key + "=") else { return false }
                return values.contains(String(text.dropFirst(key.count + 1)))
            }
            return found ? pid : nil
        }
    }

    /// Waits until no process works for any of `containerIDs` (by `CNI_CONTAINERID`);
    /// throws after `timeout`, naming the processes left.
    public static func waitForPlugins(of containerIDs: Set<String>, timeout: Duration = .seconds(60)) async throws {
        let clock = ContinuousClock()
        let end = clock.now + timeout
        while true {
            let left = pids(withEnvironment: "CNI_CONTAINERID", in: containerIDs)
            if left.isEmpty { return }
            if clock.now >= end {
                let names = left.map { pid in
                    ((try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? "?")
                        .replacingOccurrences(of: "\0", with: " ")
                }
                throw TestSupportError.unexpectedOutput(
                    command: ["wait for plugins"], reason: "processes still running for the containers after \(timeout)",
                    output: zip(left, names).map { "\($0) \($1)" }.joined(separator: "\n"))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
