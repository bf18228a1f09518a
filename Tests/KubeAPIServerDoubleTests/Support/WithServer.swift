import KubeAPIServerDouble

/// Starts a server for the body and always shuts it down.
func withServer<T>(
    _ configuration: KubeAPIServerConfiguration = KubeAPIServerConfiguration(),
    _ body: (KubeAPIServer) async throws -> T
) async throws -> T {
    let server = try await KubeAPIServer.start(configuration)
    do {
        let result = try await body(server)
        try await server.shutdown()
        return result
    } catch {
        try? await server.shutdown()
        throw error
    }
}
