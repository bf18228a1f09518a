import KubeAPIServerDouble
import Testing
@testable import MultinetJSON
@testable import MultinetKube
@testable import MultinetKubeAPI

extension KubeTests {
    @Suite("authentication against the apiserver double")
    struct KubeDoubleAuthenticationTests {
        /// Every way a kubeconfig can authenticate, and the user the server must see.
        enum Shape: String, CaseIterable, Sendable {
            case tokenYAML, tokenJSON, basic, clientCertificateData, clientCertificateFiles, execToken, execClientCertificate
        }

        static func configuration() -> KubeAPIServerConfiguration {
            var configuration = KubeAPIServerConfiguration()
            configuration.tokens = [KubeAPIServerConfiguration.defaultToken: .admin,
                                    "exec-token": KubeUser(name: "exec-user")]
            configuration.basicAccounts = ["bob": BasicAccount(password: "pw", user: KubeUser(name: "bob"))]
            return configuration
        }

        /// A kubeconfig whose user runs `plugin` (written into the scratch directory).
        static func execKubeconfig(_ fixture: KubeDoubleFixture, plugin: String) throws -> ClusterConnection {
            let script = try fixture.scratch.shellPlugin("bin/credential-plugin", script: plugin).script
            let path = try fixture.scratch.write("exec-kubeconfig.json", """
            {"apiVersion":"v1","kind":"Config","current-context":"c",
             "clusters":[{"name":"k","cluster":{"server":"\(fixture.server.url)",
                          "certificate-authority-data":"\(Base64.encode(Array(fixture.server.caPEM.utf8)))"}}],
             "users":[{"name":"u","user":{"exec":{"apiVersion":"client.authentication.k8s.io/v1",
                          "command":"./bin/credential-plugin","args":["\(script)","get-token"],"interactiveMode":"Never"}}}],
             "contexts":[{"name":"c","context":{"cluster":"k","user":"u"}}]}
            """)
            return try #require(try ClusterConnection.forPlugin(kubeconfig: path, environment: [:]))
        }

        static func execCredential(_ status: JSONObject) -> String {
            let credential = JSONValue.object(JSONObject([
                ("apiVersion", .string(KubeExecConfig.v1)), ("kind", .string("ExecCredential")), ("status", .object(status)),
            ])).jsonText
            return "#!/bin/sh\ncat <<'EOF'\n\(credential)\nEOF\n"
        }

        func connection(_ shape: Shape, _ fixture: KubeDoubleFixture) throws -> (ClusterConnection, user: String) {
            switch shape {
            case .tokenYAML:
                let connection = try fixture.connection(format: .yaml)
                #expect(try KubeConfig.load(path: fixture.scratch.path + "/kubeconfig").formats == [.yaml])
                return (connection, "admin")
            case .tokenJSON:
                let connection = try fixture.connection(format: .json)
                #expect(try KubeConfig.load(path: fixture.scratch.path + "/kubeconfig").formats == [.json])
                return (connection, "admin")
            case .basic:
                return (try fixture.connection(.basic(username: "bob", password: "pw")), "bob")
            case .clientCertificateData:
                return (try fixture.connection(.clientCertificate(user: "jane", groups: ["dev"])), "jane")
            case .clientCertificateFiles:
                return (try fixture.connection(.clientCertificate(user: "node-a", groups: ["system:nodes"]),
                                               format: .json, embedCertificates: false), "node-a")
            case .execToken:
                let plugin = Self.execCredential(JSONObject([("token", .string("exec-token"))]))
                return (try Self.execKubeconfig(fixture, plugin: plugin), "exec-user")
            case .execClientCertificate:
                let issued = try fixture.server.issueClientCertificate(user: "cert-from-exec")
                let plugin = Self.execCredential(JSONObject([
                    ("clientCertificateData", .string(issued.certificatePEM)),
                    ("clientKeyData", .string(issued.privateKeyPEM)),
                    ("expirationTimestamp", .string("2999-01-01T00:00:00Z")),
                ]))
                return (try Self.execKubeconfig(fixture, plugin: plugin), "cert-from-exec")
            }
        }

        @Test("every kubeconfig shape reads a pod as its user", arguments: Shape.allCases)
        func shapes(_ shape: Shape) async throws {
            let fixture = try await KubeDoubleFixture.start(Self.configuration())
            do {
                try fixture.seedPod("web")
                let (connection, user) = try connection(shape, fixture)
                let client = try fixture.client(connection)
                let pods = try await fixture.with(client) { client in
                    [try await client.get(Pod.self, name: "web", namespace: "default"),
                     try await client.get(Pod.self, name: "web", namespace: "default")]
                }
                #expect(pods.map(\.metadata.name) == ["web", "web"])
                #expect(fixture.server.requests.all.map(\.user) == [user, user])
                if case .exec = connection.credentials { #expect(client.statistics.execPluginRuns == 1) }
            } catch {
                try await fixture.stop()
                throw error
            }
            try await fixture.stop()
        }

        @Test("a rotated token file is picked up by the next request")
        func tokenFileRotation() async throws {
            var configuration = KubeAPIServerConfiguration()
            configuration.tokens = ["first-token": KubeUser(name: "first"), "second-token": KubeUser(name: "second")]
            let fixture = try await KubeDoubleFixture.start(configuration)
            let tokenPath = try fixture.scratch.write("token", "first-token\n")
            let client = try fixture.client(try fixture.connection(.tokenFile(tokenPath)))
            try fixture.seedPod("web")
            try await fixture.with(client) { client in
                _ = try await client.get(Pod.self, name: "web", namespace: "default")
                try fixture.scratch.write("token", "second-token\n")
                _ = try await client.get(Pod.self, name: "web", namespace: "default")
            }
            #expect(fixture.server.requests.all.map(\.user) == ["first", "second"])
            try await fixture.stop()
        }

        @Test("a wrong token is unauthorized at once, with no retry")
        func wrongToken() async throws {
            let fixture = try await KubeDoubleFixture.start()
            let client = try fixture.client(try fixture.connection(.token("wrong")))
            let error = await #expect(throws: KubeError.self) {
                try await fixture.with(client) { client in _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            }
            guard case .unauthorized(let request, let status)? = error else {
                Issue.record("expected unauthorized, got \(String(describing: error))")
                try await fixture.stop()
                return
            }
            #expect(request.attempts == 1)
            #expect(status == KubeStatus(code: 401, reason: "Unauthorized", message: "Unauthorized"))
            #expect(error?.isTransient == false)
            #expect(error?.description == "apiserver request GET \(fixture.server.url)/api/v1/namespaces/default/pods/web was rejected: the credentials are not valid (401 Unauthorized: Unauthorized)")
            #expect(fixture.server.requests.count == 1)
            try await fixture.stop()
        }

        @Test("an exec plugin is run again once after a 401, then the 401 stands")
        func execRefreshOn401() async throws {
            let fixture = try await KubeDoubleFixture.start(Self.configuration())
            let plugin = Self.execCredential(JSONObject([("token", .string("exec-token"))]))
            let client = try fixture.client(try Self.execKubeconfig(fixture, plugin: plugin))
            try fixture.seedPod("web")
            fixture.server.faults.rejectAllAuthentication = true
            let error = await #expect(throws: KubeError.self) {
                try await fixture.with(client) { client in _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            }
            #expect(error?.status?.code == 401)
            #expect(error?.request?.attempts == 2)
            #expect(client.statistics.execPluginRuns == 2)
            #expect(fixture.server.requests.count == 2)
            try await fixture.stop()
        }

        @Test("a user the server forbids gets forbidden")
        func forbidden() async throws {
            var configuration = Self.configuration()
            configuration.forbiddenUsers = ["bob"]
            let fixture = try await KubeDoubleFixture.start(configuration)
            let client = try fixture.client(try fixture.connection(.basic(username: "bob", password: "pw")))
            let error = await #expect(throws: KubeError.self) {
                try await fixture.with(client) { client in _ = try await client.list(Pod.self, namespace: nil) }
            }
            #expect(error?.status?.code == 403)
            #expect(error?.description.contains("is forbidden for this user") == true)
            try await fixture.stop()
        }

        @Test("a wrong CA is a TLS failure that says so, not retried")
        func wrongCA() async throws {
            let fixture = try await KubeDoubleFixture.start()
            var connection = try fixture.connection()
            connection.tls.certificateAuthorityPEM = Array(try CertificateAuthority.generate(commonName: "someone-else").certificatePEM.utf8)
            let client = try fixture.client(connection)
            let error = await #expect(throws: KubeError.self) {
                try await fixture.with(client) { client in _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            }
            guard case .tlsFailure(let request, let reason)? = error else {
                Issue.record("expected tlsFailure, got \(String(describing: error))")
                try await fixture.stop()
                return
            }
            #expect(reason == KubeTransportError.untrustedCertificate)
            #expect(request.attempts == 1)
            #expect(error?.isTransient == false)
            #expect(fixture.server.requests.count == 0)
            try await fixture.stop()
        }

        @Test("with tls-server-name the request still goes to the server's address")
        func tlsServerName() async throws {
            let fixture = try await KubeDoubleFixture.start()
            try fixture.seedPod("web")
            var connection = try fixture.connection()
            // A name no resolver knows: the request must be addressed to it (SNI, verification)
            // yet connect to 127.0.0.1. (The double's certificate also names 127.0.0.1, which
            // NIOSSL accepts for any name, so this checks the routing, not the name check.)
            connection.tls.serverName = "kubernetes.default.svc.invalid"
            let client = try fixture.client(connection)
            let pod = try await fixture.with(client) { client in try await client.get(Pod.self, name: "web", namespace: "default") }
            #expect(pod.metadata.name == "web")
            try await fixture.stop()
        }
    }
}
