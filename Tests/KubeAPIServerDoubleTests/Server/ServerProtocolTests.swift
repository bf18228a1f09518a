import Foundation
import MultinetTestSupport
import Testing
@testable import KubeAPIServerDouble

/// The double over real TLS, driven by `curl`.
@Suite("Server over TLS (curl)", .serialized)
struct ServerProtocolTests {
    static let unauthorized = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#

    @Test("requests without valid credentials get the apiserver's 401 Status")
    func unauthorized() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            for token in [nil, "wrong"] as [String?] {
                let response = try await curl.request("/api/v1/namespaces/default/pods", token: token)
                #expect(response.status == 401)
                #expect(response.body == Self.unauthorized + "\n")
                #expect(response.headers["content-type"] == "application/json")
            }
            #expect(server.requests.all.map(\.status) == [401, 401])
            #expect(server.requests.all.allSatisfy { $0.user == nil })
        }
    }

    @Test("a token reads objects; 404 is a NotFound Status; both host names verify; only HTTP/1.1")
    func tokenAndErrors() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            try server.store.create(.pods, KubeObjects.pod(name: "web", nodeName: "node-a"))
            for host in ["127.0.0.1", "localhost"] {
                let response = try await curl.request(
                    "/api/v1/namespaces/default/pods/web", token: server.token, host: host, arguments: ["--http2"])
                #expect(response.exitCode == 0, "\(response.stderr)")
                #expect(response.status == 200)
                #expect(response.httpVersion == "1.1")
                #expect(response.json?.string(at: "spec.nodeName") == "node-a")
            }
            let missing = try await curl.request("/api/v1/namespaces/default/pods/missing", token: server.token)
            #expect(missing.status == 404)
            #expect(missing.json?["reason"] == "NotFound")
            #expect(missing.json?["details"] == ["name": "missing", "kind": "pods"])
            let last = try #require(server.requests.all.last)
            #expect(last.method == "GET")
            #expect(last.path == "/api/v1/namespaces/default/pods/missing")
            #expect(last.user == "admin")
            #expect(last.status == 404)
        }
    }

    @Test("the wrong CA fails verification")
    func wrongCA() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            let other = try CertificateAuthority.generate()
            _ = try curl.file("ca.pem", other.certificatePEM)
            let response = try await curl.request("/version", token: server.token)
            #expect(response.exitCode == 60, "\(response.stderr)")
            #expect(server.requests.count == 0)
        }
    }

    @Test("client certificates from the CA authenticate; others get 401")
    func clientCertificates() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            let issued = try server.issueClientCertificate(user: "node-a", groups: ["system:nodes"])
            let cert = try curl.file("client.crt", issued.certificatePEM)
            let key = try curl.file("client.key", issued.privateKeyPEM)
            let good = try await curl.request("/api/v1/pods", arguments: ["--cert", cert, "--key", key])
            #expect(good.status == 200, "\(good.stderr)")
            #expect(good.json?["kind"] == "PodList")
            #expect(server.requests.all.last?.user == "node-a")

            let foreign = try CertificateAuthority.generate().issueClientCertificate(user: "eve")
            let badCert = try curl.file("eve.crt", foreign.certificatePEM)
            let badKey = try curl.file("eve.key", foreign.privateKeyPEM)
            let bad = try await curl.request("/api/v1/pods", arguments: ["--cert", badCert, "--key", badKey])
            #expect(bad.status == 401, "\(bad.stderr)")
        }
    }

    @Test("basic authentication and forbidden users")
    func basicAndForbidden() async throws {
        var configuration = KubeAPIServerConfiguration()
        configuration.basicAccounts = ["bob": BasicAccount(password: "pw", user: KubeUser(name: "bob"))]
        configuration.forbiddenUsers = ["bob"]
        try await withServer(configuration) { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            let discovery = try await curl.request("/api/v1", arguments: ["-u", "bob:pw"])
            #expect(discovery.status == 200)
            let pods = try await curl.request("/api/v1/namespaces/default/pods", arguments: ["-u", "bob:pw"])
            #expect(pods.status == 403)
            #expect(pods.json?["reason"] == "Forbidden")
            let wrong = try await curl.request("/api/v1", arguments: ["-u", "bob:nope"])
            #expect(wrong.status == 401)
        }
    }

    @Test("merge patch of annotations over the wire")
    func mergePatch() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            try server.store.create(.pods, KubeObjects.pod(name: "web"))
            let response = try await curl.request(
                "/api/v1/namespaces/default/pods/web", method: "PATCH", token: server.token,
                body: #"{"metadata":{"annotations":{"k8s.v1.cni.cncf.io/network-status":"[{\"name\":\"x\"}]"}}}"#,
                contentType: "application/merge-patch+json")
            #expect(response.status == 200)
            let stored = server.store.get(.pods, namespace: "default", name: "web")
            #expect(stored?.value(at: ["metadata", "annotations", "k8s.v1.cni.cncf.io/network-status"]) == #"[{"name":"x"}]"#)
            #expect(server.requests.all.last?.contentType == "application/merge-patch+json")
        }
    }

    @Test("injected failures: 503 with Retry-After, 429, then normal answers; rejected auth")
    func injectedStatuses() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            server.faults.failNext(1, status: 503, retryAfterSeconds: 2)
            server.faults.failNext(1, status: 429, retryAfterSeconds: 1)
            let first = try await curl.request("/api/v1/pods", token: server.token)
            #expect(first.status == 503)
            #expect(first.headers["retry-after"] == "2")
            #expect(first.json?["reason"] == "ServiceUnavailable")
            let second = try await curl.request("/api/v1/pods", token: server.token)
            #expect(second.status == 429)
            #expect(second.json?["details"]?["retryAfterSeconds"] == 1)
            let third = try await curl.request("/api/v1/pods", token: server.token)
            #expect(third.status == 200)
            server.faults.rejectAllAuthentication = true
            let rejected = try await curl.request("/api/v1/pods", token: server.token)
            #expect(rejected.status == 401)
            #expect(server.requests.all.map(\.status) == [503, 429, 200, 401])
        }
    }

    @Test("dropped connections: after the request, and before the handshake")
    func droppedConnections() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            server.faults.dropNext(1)
            let afterRequest = try await curl.request("/api/v1/pods", token: server.token)
            #expect(afterRequest.exitCode == 52, "\(afterRequest.stderr)")  // empty reply from server
            #expect(server.requests.all.map(\.status) == [nil])
            server.faults.dropNext(1, at: .beforeHandshake)
            let beforeHandshake = try await curl.request("/api/v1/pods", token: server.token)
            #expect(beforeHandshake.exitCode != 0)
            #expect(server.requests.count == 1)
            let normal = try await curl.request("/api/v1/pods", token: server.token)
            #expect(normal.status == 200)
        }
    }

    @Test("latency delays answers by at least the configured time")
    func latency() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            server.faults.latency = .milliseconds(600)
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await curl.request("/version", token: server.token)
            #expect(response.status == 200)
            #expect(clock.now - start >= .milliseconds(600))
        }
    }

    @Test("a watch streams events as JSON lines, with bookmarks, and ends at timeoutSeconds")
    func watchStream() async throws {
        var configuration = KubeAPIServerConfiguration()
        configuration.bookmarkInterval = .milliseconds(300)
        try await withServer(configuration) { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            try server.store.create(.pods, KubeObjects.pod(name: "one"))
            let version = server.store.resourceVersion
            try server.store.create(.pods, KubeObjects.pod(name: "two"))
            async let watch = curl.request(
                "/api/v1/namespaces/default/pods?watch=1&resourceVersion=\(version)&allowWatchBookmarks=true&timeoutSeconds=2",
                token: server.token, arguments: ["-N"])
            try await Task.sleep(for: .milliseconds(800))
            try server.store.mergePatch(.pods, namespace: "default", name: "one", ["metadata": ["labels": ["a": "b"]]])
            try server.store.delete(.pods, namespace: "default", name: "two")
            let response = try await watch
            #expect(response.exitCode == 0, "\(response.stderr)")
            #expect(response.headers["transfer-encoding"] == "chunked")
            let events = try response.body.split(separator: "\n").map { try KubeJSON.parse(String($0)) }
            let summary = events.filter { $0["type"] != "BOOKMARK" }.map { "\($0["type"]!.stringValue!) \($0.string(at: "object.metadata.name")!)" }
            #expect(summary == ["ADDED two", "MODIFIED one", "DELETED two"])
            let bookmarks = events.filter { $0["type"] == "BOOKMARK" }
            #expect(!bookmarks.isEmpty)
            #expect(bookmarks.allSatisfy { $0.string(at: "object.kind") == "Pod" && $0.string(at: "object.metadata.resourceVersion") != nil })
            #expect(server.store.openWatchCount == 0)
        }
    }

    @Test("a watch from an expired resourceVersion answers one 410 ERROR event")
    func watchGone() async throws {
        try await withServer { server in
            let curl = try Curl(server)
            defer { curl.remove() }
            try server.store.create(.pods, KubeObjects.pod(name: "one"))
            server.store.compactHistory()
            let response = try await curl.request("/api/v1/pods?watch=true&resourceVersion=1", token: server.token)
            #expect(response.status == 200)
            let event = try KubeJSON.parse(response.body.trimmingCharacters(in: .newlines))
            #expect(event["type"] == "ERROR")
            #expect(event["object"]?["code"] == 410)
            #expect(event["object"]?["reason"] == "Expired")
        }
    }
}
