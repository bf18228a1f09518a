import Foundation
import Glibc

/// Runs a program to completion with `posix_spawn` and `wait4`, for its CPU time as the
/// kernel accounts it (the child and the children it waited for). Its output goes to
/// /dev/null. (`ru_maxrss` is not reported: after a `vfork` it includes the parent's RSS.)
struct ChildUsage {
    var status: Int32
    var wallMilliseconds: Double
    var cpuMilliseconds: Double

    static func run(_ executable: String, _ arguments: [String]) throws -> ChildUsage {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let words: [String] = [executable] + arguments
        let argv = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let variables: [String] = ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", "TERM=dumb"] + passedThrough
        let environment = variables.map { strdup($0) } + [nil]
        defer { for pointer in environment { free(pointer) } }
        var pid: pid_t = 0
        var timespecStart = timespec()
        clock_gettime(CLOCK_MONOTONIC, &timespecStart)
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environment)
        guard rc == 0 else { throw BenchError.failed("cannot start \(executable): errno \(rc)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError.failed("wait4 \(executable): errno \(errno)") }
        }
        var timespecEnd = timespec()
        clock_gettime(CLOCK_MONOTONIC, &timespecEnd)
        let wall = Double(timespecEnd.tv_sec - timespecStart.tv_sec) * 1000 + Double(timespecEnd.tv_nsec - timespecStart.tv_nsec) / 1e6
        return ChildUsage(status: (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1, wallMilliseconds: wall,
                          cpuMilliseconds: cpu(usage))
    }

    /// The benchmark's own `MALLOC_*` variables (glibc tunables), passed on to the
    /// inspector processes it measures, for experiments.
    static var passedThrough: [String] {
        ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("MALLOC_") }.map { "\($0.key)=\($0.value)" }.sorted()
    }

    /// User + system time of a `rusage`, in milliseconds.
    static func cpu(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
    }

    /// This process's own `rusage`.
    static func selfUsage() -> rusage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage
    }
}
