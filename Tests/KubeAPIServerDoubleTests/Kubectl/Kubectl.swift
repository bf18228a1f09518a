import Foundation
import KubeAPIServerDouble
import MultinetTestSupport

/// The real `kubectl`, run against the double with its own `HOME` (kubectl writes a
/// discovery cache under `~/.kube/cache`) and an explicit kubeconfig.
struct Kubectl {
    /// Where kubectl must be: installed with the machine's cloud SDK.
    static let path = "/usr/bin/kubectl"

    /// Run, skip or fail: missing kubectl fails the test when `MULTINET_REQUIRE_E2E=1`.
    static var decision: E2EEnvironment.Decision {
        decision(path: path, isRequired: E2EEnvironment.isRequired)
    }

    /// The decision for kubectl at `path`.
    static func decision(path: String, isRequired: Bool) -> E2EEnvironment.Decision {
        let missing = FileManager.default.isExecutableFile(atPath: path)
            ? [] : ["kubectl: \(path) not found (it comes with the Google Cloud SDK, or install kubectl 1.32)"]
        return E2EEnvironment.decision(missing: missing, isRequired: isRequired)
    }

    let home: TemporaryDirectory
    let kubeconfig: String

    /// Runs `kubectl --kubeconfig KUBECONFIG ARGS…` (through coreutils `timeout` when
    /// `killAfter` is set, for watches).
    func run(_ arguments: [String], killAfter seconds: Int? = nil) async throws -> ShellResult {
        var command = ["env", "HOME=\(home.path)", "KUBECONFIG="]
        if let seconds { command += ["timeout", String(seconds)] }
        command += [Self.path, "--kubeconfig", kubeconfig] + arguments
        return try await OffPool.run(command, timeout: 60)
    }

    /// Like ``run(_:killAfter:)`` but throws unless kubectl exited 0.
    @discardableResult
    func check(_ arguments: [String]) async throws -> String {
        try await run(arguments).requireSuccess().stdout
    }
}
