import Foundation

/// Runs short helper commands (`ip`, `sysctl`, ...) from tests and test support.
///
/// The command's first element is an executable path or a bare name looked up in
/// ``searchPath``. The child inherits the test process's environment with `LC_ALL=C` (so
/// error messages are the untranslated ones helpers match on) and sbin directories on `PATH`.
/// Calls block the calling thread until the command ends: keep them to short commands
/// (plugins go through ``CNIPluginRunner``, whose `run` suspends instead).
public enum Shell {
    /// Where bare command names are looked up, in order: the system directories first, then
    /// the test process's own `PATH`.
    public static var searchPath: [String] {
        let inherited = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        var seen = Set<String>()
        return (["/usr/sbin", "/usr/bin", "/sbin", "/bin"] + inherited).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The full path of `name` (returned as is when it contains a `/`), or `nil` when no
    /// executable of that name is on ``searchPath``.
    public static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for directory in searchPath {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `args` and returns how it ended; a non-zero status is not an error here.
    ///
    /// - Parameters:
    ///   - args: the command and its arguments, e.g. `["ip", "-j", "link", "show"]`.
    ///   - input: bytes for standard input (empty by default).
    ///   - timeout: seconds before the command is killed and this throws.
    /// - Throws: ``TestSupportError/spawnFailed(command:errno:)`` when it cannot start,
    ///   ``TestSupportError/timedOut(command:seconds:stdout:stderr:)`` when it hangs.
    public static func run(_ args: [String], input: Data = Data(), timeout: TimeInterval = 60) throws -> ShellResult {
        precondition(!args.isEmpty, "Shell.run needs a command")
        guard let executable = which(args[0]) else {
            throw TestSupportError.spawnFailed(command: args, errno: ENOENT)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["PATH"] = searchPath.joined(separator: ":")
        let child = try ChildProcess(
            executable: executable, arguments: Array(args.dropFirst()), environment: environment,
            stdin: input, timeout: .milliseconds(Int64(timeout * 1000)))
        let output = try child.waitBlocking()
        return ShellResult(
            command: args, status: output.exitCode,
            stdout: String(decoding: output.stdout, as: UTF8.self),
            stderr: String(decoding: output.stderr, as: UTF8.self))
    }

    /// Runs `args` and returns its standard output; throws
    /// ``TestSupportError/commandFailed(command:exitCode:stdout:stderr:)`` on a non-zero status.
    @discardableResult
    public static func check(_ args: [String], input: Data = Data(), timeout: TimeInterval = 60) throws -> String {
        try run(args, input: input, timeout: timeout).requireSuccess().stdout
    }
}
