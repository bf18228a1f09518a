import Foundation
import KubeAPIServerDouble

extension KubeAPIServer {
    /// Shuts the server down and points each kubeconfig at a ``ClosedPort`` instead, so that
    /// whoever reads them finds nothing listening, whatever other tests start meanwhile.
    /// Keep the returned port alive for as long as the outage should last.
    public func shutdownLeavingNothingListening(kubeconfigs: [String]) async throws -> ClosedPort {
        let closed = try ClosedPort()
        try await shutdown()
        for path in kubeconfigs {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard text.contains(url) else {
                throw TestSupportError.fileSystem(path: path, reason: "does not name the server \(url)")
            }
            try text.replacingOccurrences(of: url, with: closed.url).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return closed
    }
}
