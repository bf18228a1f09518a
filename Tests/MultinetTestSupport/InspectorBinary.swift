import Foundation

/// Finds and runs the built `multinet-inspect` for end-to-end tests.
public enum InspectorBinary {
    /// The environment variable that names the binary explicitly.
    public static let environmentVariable = "MULTINET_INSPECT_BINARY"

    /// The inspector to test, the first that exists of `$MULTINET_INSPECT_BINARY`,
    /// `multinet-inspect` next to the running test bundle, and
    /// `<package root>/.build/debug/multinet-inspect` (as ``MultinetBinary/path`` finds `multinet`).
    public static var path: String {
        get throws {
            if let explicit = ProcessInfo.processInfo.environment[environmentVariable], !explicit.isEmpty {
                guard FileManager.default.isExecutableFile(atPath: explicit) else {
                    throw TestSupportError.binaryNotFound(name: "multinet-inspect", searched: ["\(environmentVariable)=\(explicit)"])
                }
                return explicit
            }
            let candidates = MultinetBinary.candidatePaths().map {
                URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("multinet-inspect").path
            }
            if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                return found
            }
            throw TestSupportError.binaryNotFound(name: "multinet-inspect", searched: candidates)
        }
    }

    /// Runs `multinet-inspect ARGUMENTS` (stdout is a pipe, so never the interactive view).
    public static func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> ShellResult {
        try Shell.run([try path] + arguments, timeout: timeout)
    }
}
