import KubeAPIServerDouble

extension KubeAPIServer {
    /// Starts a double with `configuration`, runs `body` with it and always shuts it down,
    /// also when `body` throws: the one way tests start a double they do not hand on.
    public static func with<Value>(
        _ configuration: KubeAPIServerConfiguration = KubeAPIServerConfiguration(),
        _ body: (KubeAPIServer) async throws -> Value
    ) async throws -> Value {
        let server = try await start(configuration)
        let value: Value
        do {
            value = try await body(server)
        } catch {
            try? await server.shutdown()
            throw error
        }
        try await server.shutdown()
        return value
    }
}
