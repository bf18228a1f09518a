import MultinetSystem

/// Why an exec credential plugin gave no credential.
enum ExecCredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command is not in `PATH` (or not executable); the kubeconfig's `installHint` follows.
    case notFound(command: String, installHint: String?)
    /// The plugin could not be started.
    case startFailed(command: String, reason: String)
    /// The plugin failed; `stderr` is the start of what it wrote there.
    case failed(command: String, exit: ProcessExit, stderr: String)
    /// The plugin's output is not a usable `ExecCredential`.
    case invalidOutput(String)

    var description: String {
        switch self {
        case .notFound(let command, let hint):
            "exec plugin \"\(command)\" was not found" + (hint.map { ": \($0)" } ?? "")
        case .startFailed(let command, let reason):
            "exec plugin \(command) could not be started: \(reason)"
        case .failed(let command, let exit, let stderr):
            "exec plugin \(command) \(exit)" + (stderr.isEmpty ? "" : ": \(stderr)")
        case .invalidOutput(let reason):
            "exec plugin output: \(reason)"
        }
    }
}
