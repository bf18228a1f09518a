import KubeAPIServerDouble
import MultinetTestSupport

/// Starts a server for the body and always shuts it down (``KubeAPIServer/with(_:_:)``).
func withServer<T>(
    _ configuration: KubeAPIServerConfiguration = KubeAPIServerConfiguration(),
    _ body: (KubeAPIServer) async throws -> T
) async throws -> T {
    try await KubeAPIServer.with(configuration, body)
}
