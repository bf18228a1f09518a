import Testing
@testable import MultinetKube
@testable import MultinetKubeAPI
import MultinetTestSupport

extension KubeTests {
    @Suite("client retries against a scripted server")
    struct KubeClientRetryTests {
        @Test("503 twice, then success: three attempts, two backoffs")
        func serviceUnavailableTwice() async throws {
            let transport = ScriptedTransport([
                ScriptedTransport.status(503, reason: "ServiceUnavailable", message: "busy"),
                ScriptedTransport.status(503, reason: "ServiceUnavailable", message: "busy"),
                ScriptedTransport.json(200, podJSON("web")),
            ])
            let sleeps = RecordedSleeps()
            let client = KubeClient.scripted(transport, sleeps: sleeps)
            let pod = try await client.get(Pod.self, name: "web", namespace: "default")
            #expect(pod.metadata.name == "web")
            #expect(client.statistics.attempts == 3)
            #expect(client.statistics.requests == 1)
            #expect(sleeps.all == [0.2, 0.4])
            #expect(transport.requests.map(\.path) == Array(repeating: "/api/v1/namespaces/default/pods/web", count: 3))
        }

        @Test("429 waits for Retry-After")
        func retryAfter() async throws {
            let transport = ScriptedTransport([
                ScriptedTransport.status(429, reason: "TooManyRequests", message: "slow down", headers: [("Retry-After", "2")]),
                ScriptedTransport.json(200, podJSON("web")),
            ])
            let sleeps = RecordedSleeps()
            let client = KubeClient.scripted(transport, sleeps: sleeps)
            _ = try await client.get(Pod.self, name: "web", namespace: "default")
            #expect(sleeps.all == [2])
            #expect(client.statistics.attempts == 2)
        }

        @Test("429 whose Retry-After reaches past the deadline fails at once")
        func retryAfterBeyondDeadline() async throws {
            let transport = ScriptedTransport([
                ScriptedTransport.status(429, reason: "TooManyRequests", message: "slow down", headers: [("Retry-After", "60")]),
            ])
            let sleeps = RecordedSleeps()
            let client = KubeClient.scripted(transport, options: KubeClientOptions(timeoutSeconds: 5), sleeps: sleeps)
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            guard case .tooManyRequests(let request, let status)? = error else {
                Issue.record("expected tooManyRequests, got \(String(describing: error))")
                return
            }
            #expect(request.attempts == 1)
            #expect(status.retryAfterSeconds == 60)
            #expect(error?.isTransient == true)
            #expect(sleeps.all.isEmpty)
        }

        @Test("final answers are not retried", arguments: [
            (401, "Unauthorized"), (403, "Forbidden"), (404, "NotFound"), (409, "Conflict"), (422, "Invalid"), (400, "BadRequest"),
        ])
        func noRetry(code: Int, reason: String) async throws {
            let transport = ScriptedTransport([ScriptedTransport.status(code, reason: reason, message: "no")])
            let client = KubeClient.scripted(transport)
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            #expect(error?.status?.code == code)
            #expect(error?.request?.attempts == 1)
            #expect(error?.isTransient == false)
            #expect(client.statistics.attempts == 1)
        }

        @Test("500, then the deadline passes during the next attempt: the error is the apiserver's 500, not silence")
        func statusThenDeadline() async throws {
            let transport = ScriptedTransport([
                ScriptedTransport.status(500, reason: "InternalError", message: "etcd is sad"),
                .fail(KubeTransportFailure.deadlineExceeded),
            ])
            let client = KubeClient.scripted(transport, sleeps: RecordedSleeps())
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            #expect(error?.status?.code == 500)
            #expect(error?.request?.attempts == 2)
            #expect(error?.description.contains("etcd is sad") == true, "\(String(describing: error))")
        }

        @Test("500, then a connection failure, then the deadline: a timeout naming the connection failure")
        func statusConnectionThenDeadline() async throws {
            let transport = ScriptedTransport([
                ScriptedTransport.status(500, reason: "InternalError", message: "etcd is sad"),
                .fail(KubeTestError.connectionRefused),
                .fail(KubeTransportFailure.deadlineExceeded),
            ])
            let client = KubeClient.scripted(transport, sleeps: RecordedSleeps())
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            guard case .timeout(let request, let reason)? = error else {
                Issue.record("expected timeout, got \(String(describing: error))")
                return
            }
            #expect(request.attempts == 3)
            #expect(reason.contains("last error"), "\(reason)")
        }

        @Test("connection failures are retried until the attempts run out: unreachable")
        func unreachable() async throws {
            let transport = ScriptedTransport(Array(repeating: .fail(KubeTestError.connectionRefused), count: 5))
            let sleeps = RecordedSleeps()
            let client = KubeClient.scripted(transport, sleeps: sleeps)
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            guard case .unreachable(let request, _)? = error else {
                Issue.record("expected unreachable, got \(String(describing: error))")
                return
            }
            #expect(request.attempts == 5)
            #expect(sleeps.all == [0.2, 0.4, 0.8, 1.6])
            #expect(error?.isTransient == true)
        }

        @Test("a connection dropped while the body arrives is retried")
        func droppedBody() async throws {
            let transport = ScriptedTransport([
                .respond(200, chunks: [Array(#"{"kind":"Pod","#.utf8)], thenFail: KubeTestError.connectionRefused),
                ScriptedTransport.json(200, podJSON("web")),
            ])
            let client = KubeClient.scripted(transport)
            let pod = try await client.get(Pod.self, name: "web", namespace: "default")
            #expect(pod.metadata.uid == "uid-web")
            #expect(client.statistics.attempts == 2)
        }

        @Test("a body that is not the expected object is a decoding error naming the request")
        func decodingError() async throws {
            let transport = ScriptedTransport([ScriptedTransport.json(200, #"{"kind":"Pod","metadata":{"labels":{"a":1}}}"#)])
            let client = KubeClient.scripted(transport)
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            #expect(error?.description
                == "apiserver request GET https://kube.test:6443/api/v1/namespaces/default/pods/web returned an unexpected object: metadata.labels.a: expected a string, found a number")
        }

        @Test("requests carry the bearer token, accept JSON and name the user agent")
        func headers() async throws {
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("web"))])
            let client = KubeClient.scripted(transport)
            _ = try await client.get(Pod.self, name: "web", namespace: "default")
            let request = try #require(transport.requests.first)
            #expect(request.header("Authorization") == "Bearer t0k3n")
            #expect(request.header("Accept") == "application/json")
            #expect(request.header("User-Agent") == "multinet")
        }

        @Test("basic authentication")
        func basicAuth() async throws {
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("web"))])
            let client = KubeClient.scripted(transport, connection: .testConnection(credentials: .basic(username: "alice", password: "pw")))
            _ = try await client.get(Pod.self, name: "web", namespace: "default")
            #expect(transport.requests.first?.header("Authorization") == "Basic YWxpY2U6cHc=")
        }

        @Test("a token file is read again for every request")
        func tokenFileRotation() async throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            let path = try scratch.write("token", "first\n")
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("a")), ScriptedTransport.json(200, podJSON("b"))])
            let client = KubeClient.scripted(transport, connection: .testConnection(credentials: .tokenFile(path: path, fallback: nil)))
            _ = try await client.get(Pod.self, name: "a", namespace: "default")
            try scratch.write("token", "second")
            _ = try await client.get(Pod.self, name: "b", namespace: "default")
            #expect(transport.requests.map { $0.header("Authorization") } == ["Bearer first", "Bearer second"])
        }

        @Test("an unreadable token file fails the request without sending it")
        func tokenFileMissing() async throws {
            let transport = ScriptedTransport([])
            let client = KubeClient.scripted(transport, connection: .testConnection(credentials: .tokenFile(path: "/nonexistent/token", fallback: nil)))
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "a", namespace: "default") }
            #expect(error?.description.hasSuffix("has no credentials: cannot read the token file /nonexistent/token: No such file or directory") == true)
            #expect(transport.requests.isEmpty)
        }
    }
}
