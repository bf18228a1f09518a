#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MultinetKube
@testable import MultinetKubeAPI

extension KubeTests {
    @Suite("client against no server at all")
    struct KubeDeadServerTests {
        /// A local TCP port nothing listens on: bound once to pick it, then closed.
        static func closedPort() throws -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            try #require(fd >= 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                    bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
                }
            }
            try #require(bound)
            return Int(UInt16(bigEndian: address.sin_port))
        }

        @Test("a dead server is unreachable after the policy's attempts, and transient")
        func deadServer() async throws {
            let port = try Self.closedPort()
            let connection = ClusterConnection(server: KubeServerURL(host: "127.0.0.1", port: port),
                                               credentials: .token("t"), source: "test")
            let policy = KubeRetryPolicy(maximumAttempts: 3, initialBackoffSeconds: 0.01, maximumBackoffSeconds: 0.05)
            let client = try KubeClient(connection: connection, options: KubeClientOptions(timeoutSeconds: 120, retryPolicy: policy))
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "p", namespace: "default") }
            try await client.shutdown()
            guard case .unreachable(let request, let reason)? = error else {
                Issue.record("expected unreachable, got \(String(describing: error))")
                return
            }
            #expect(request.attempts == 3)
            #expect(reason == "connection refused")
            #expect(error?.isTransient == true)
            #expect(error?.description.contains("GET https://127.0.0.1:\(port)/api/v1/namespaces/default/pods/p (3 attempts)") == true)
        }
    }
}
