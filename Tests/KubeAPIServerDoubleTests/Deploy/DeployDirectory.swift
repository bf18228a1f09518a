import Foundation

/// The repository's `deploy/` directory, found from this source file's path.
enum DeployDirectory {
    /// `<repo>/deploy`.
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Deploy, KubeAPIServerDoubleTests, Tests, file
        return url.appendingPathComponent("deploy").path
    }()

    /// `<repo>/deploy/examples`.
    static var examples: String { path + "/examples" }

    /// `<repo>/deploy/install-multinet.sh`.
    static var installScript: String { path + "/install-multinet.sh" }

    /// The text of a file under `deploy/`.
    static func read(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }
}
