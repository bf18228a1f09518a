extension Result where Failure == KubeError {
    /// The value `body` returns, or the ``KubeError`` it throws: for requests made
    /// concurrently (`async let`) whose failures are reported one by one.
    public static func capturing(_ body: () async throws(KubeError) -> Success) async -> Result<Success, KubeError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
