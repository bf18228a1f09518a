import KubeAPIServerDouble
import Testing
@testable import MultinetKube
@testable import MultinetKubeAPI

extension KubeTests {
    @Suite("retries against the apiserver double's faults")
    struct KubeDoubleFaultTests {
        /// Runs `body` against a double holding pod `web`, stopping it afterwards.
        static func withServer(_ body: (KubeDoubleFixture) async throws -> Void) async throws {
            let fixture = try await KubeDoubleFixture.start()
            do {
                try fixture.seedPod("web")
                try await body(fixture)
            } catch {
                try await fixture.stop()
                throw error
            }
            try await fixture.stop()
        }

        @Test("503 twice, then success: three attempts")
        func serviceUnavailable() async throws {
            try await Self.withServer { fixture in
                fixture.server.faults.failNext(2, status: 503)
                let client = try fixture.client(try fixture.connection())
                let pod = try await fixture.with(client) { try await $0.get(Pod.self, name: "web", namespace: "default") }
                #expect(pod.podIPs == ["10.1.0.5"])
                #expect(client.statistics.attempts == 3)
                #expect(fixture.server.requests.all.map(\.status) == [503, 503, 200])
            }
        }

        @Test("429 with Retry-After is honoured, then success")
        func tooManyRequests() async throws {
            try await Self.withServer { fixture in
                fixture.server.faults.failNext(1, status: 429, retryAfterSeconds: 1)
                let client = try fixture.client(try fixture.connection())
                _ = try await fixture.with(client) { try await $0.get(Pod.self, name: "web", namespace: "default") }
                #expect(client.statistics.attempts == 2)
                #expect(fixture.server.requests.all.map(\.status) == [429, 200])
            }
        }

        @Test("a 5xx that persists is a transient server error after the policy's attempts")
        func persistentServerError() async throws {
            try await Self.withServer { fixture in
                fixture.server.faults.failAll(status: 500)
                let client = try fixture.client(try fixture.connection(), maximumAttempts: 3)
                let error = await #expect(throws: KubeError.self) {
                    try await fixture.with(client) { _ = try await $0.get(Pod.self, name: "web", namespace: "default") }
                }
                guard case .serverError(let request, let status)? = error else {
                    Issue.record("expected serverError, got \(String(describing: error))")
                    return
                }
                #expect(request.attempts == 3)
                #expect(status.code == 500)
                #expect(error?.isTransient == true)
                #expect(fixture.server.requests.count == 3)
            }
        }

        @Test("dropped connections are retried", arguments: [DropPoint.afterRequest, .beforeHandshake])
        func droppedConnections(_ point: DropPoint) async throws {
            try await Self.withServer { fixture in
                fixture.server.faults.dropNext(2, at: point)
                let client = try fixture.client(try fixture.connection())
                let pod = try await fixture.with(client) { try await $0.get(Pod.self, name: "web", namespace: "default") }
                #expect(pod.metadata.name == "web")
                #expect(client.statistics.attempts == 3)
            }
        }

        @Test("a server that always drops the connection is unreachable, and transient")
        func alwaysDropped() async throws {
            try await Self.withServer { fixture in
                fixture.server.faults.dropAll()
                let client = try fixture.client(try fixture.connection(), maximumAttempts: 3)
                let error = await #expect(throws: KubeError.self) {
                    try await fixture.with(client) { _ = try await $0.get(Pod.self, name: "web", namespace: "default") }
                }
                guard case .unreachable(let request, _)? = error else {
                    Issue.record("expected unreachable, got \(String(describing: error))")
                    return
                }
                #expect(request.attempts == 3)
                #expect(error?.isTransient == true)
            }
        }

        @Test("a server slower than the deadline times out, and transient")
        func slowServer() async throws {
            try await Self.withServer { fixture in
                fixture.server.faults.latency = .seconds(5)
                let client = try fixture.client(try fixture.connection(), timeoutSeconds: 1)
                let error = await #expect(throws: KubeError.self) {
                    try await fixture.with(client) { _ = try await $0.get(Pod.self, name: "web", namespace: "default") }
                }
                guard case .timeout(let request, let reason)? = error else {
                    Issue.record("expected timeout, got \(String(describing: error))")
                    return
                }
                #expect(request.attempts == 1)
                #expect(reason == "no answer within 1 s")
                #expect(error?.isTransient == true)
            }
        }

        @Test("requests of one client share one kept-alive connection (one TLS handshake)")
        func keepAlive() async throws {
            try await Self.withServer { fixture in
                let client = try fixture.client(try fixture.connection())
                try await fixture.with(client) { client in
                    _ = try await client.get(Pod.self, name: "web", namespace: "default")
                    // The next *new* connection would be closed at once; a reused one is not affected.
                    fixture.server.faults.dropNext(1, at: .beforeHandshake)
                    _ = try await client.get(Pod.self, name: "web", namespace: "default")
                    _ = try await client.patchAnnotations(Pod.self, name: "web", namespace: "default", annotations: ["a": "b"])
                }
                #expect(client.statistics.attempts == 3)
                #expect(fixture.server.requests.all.map(\.status) == [200, 200, 200])
            }
        }
    }
}
