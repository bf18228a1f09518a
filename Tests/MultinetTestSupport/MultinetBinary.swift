import Foundation

/// Finds the built `multinet` plugin for end-to-end tests.
public enum MultinetBinary {
    /// The environment variable that names the binary explicitly.
    public static let environmentVariable = "MULTINET_BINARY"

    /// The plugin to test, the first that exists of:
    /// 1. `$MULTINET_BINARY`;
    /// 2. `multinet` next to the running test bundle (the same build directory, whatever
    ///    `--scratch-path` or configuration `swift test` used);
    /// 3. `<package root>/.build/debug/multinet`.
    ///
    /// Throws ``TestSupportError/binaryNotFound(name:searched:)`` ("build it first with
    /// `swift build`") when none does.
    public static var path: String {
        get throws {
            if let explicit = ProcessInfo.processInfo.environment[environmentVariable], !explicit.isEmpty {
                guard FileManager.default.isExecutableFile(atPath: explicit) else {
                    throw TestSupportError.binaryNotFound(name: "multinet", searched: ["\(environmentVariable)=\(explicit)"])
                }
                return explicit
            }
            let candidates = candidatePaths()
            if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                return found
            }
            throw TestSupportError.binaryNotFound(name: "multinet", searched: candidates)
        }
    }

    /// The package's root directory: the nearest ancestor of this source file that holds
    /// `Package.swift`.
    public static func packageRoot(filePath: String = #filePath) -> String? {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.path
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// Where ``path`` looks when `MULTINET_BINARY` is not set.
    static func candidatePaths() -> [String] {
        var candidates: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            // …/debug/multinetPackageTests.xctest: the plugin is built beside it.
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("multinet").path)
        }
        if let root = packageRoot() {
            candidates.append(root + "/.build/debug/multinet")
        }
        return candidates
    }
}
