import Foundation
import Testing
@testable import MultinetJSON
@testable import MultinetKube
@testable import MultinetKubeAPI
import MultinetTestSupport

extension KubeTests {
    @Suite("exec credential plugins")
    struct KubeExecCredentialTests {
        /// A plugin that counts its runs in `$STATE/count`, saves `KUBERNETES_EXEC_INFO` and
        /// its arguments, and prints a token numbered by the run (expiring at `$EXPIRY`, if set).
        static let tokenPlugin = """
        #!/bin/sh
        count=$(cat "$STATE/count" 2>/dev/null || echo 0)
        count=$((count + 1))
        echo "$count" > "$STATE/count"
        printf '%s' "$KUBERNETES_EXEC_INFO" > "$STATE/info"
        echo "$@" > "$STATE/args"
        expiry=""
        if [ -n "$EXPIRY" ]; then expiry=",\\"expirationTimestamp\\":\\"$EXPIRY\\""; fi
        printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"exec-token-%s"%s}}' "$API_VERSION" "$count" "$expiry"
        """

        struct Fixture {
            let scratch: TemporaryDirectory
            let config: KubeExecConfig

            init(expiry: String? = nil, apiVersion: String = KubeExecConfig.v1, script: String = KubeExecCredentialTests.tokenPlugin,
                 provideClusterInfo: Bool = false) throws {
                scratch = try TemporaryDirectory.kubeScratch()
                let plugin = try scratch.shellPlugin("bin/token-plugin", script: script)
                var env: [KubeExecConfig.EnvironmentVariable] = [.init(name: "STATE", value: scratch.path),
                                                                 .init(name: "API_VERSION", value: apiVersion)]
                if let expiry { env.append(.init(name: "EXPIRY", value: expiry)) }
                config = KubeExecConfig(command: plugin.executable, args: [plugin.script, "--cluster", "prod"], env: env, apiVersion: apiVersion,
                                        provideClusterInfo: provideClusterInfo)
            }

            var connection: ClusterConnection {
                var connection = ClusterConnection.testConnection(credentials: .exec(config, kubeconfig: scratch.path + "/config"))
                connection.tls.certificateAuthorityPEM = Array(KubePEMFixtures.caCertificate.utf8)
                return connection
            }

            func read(_ name: String) throws -> String {
                try String(contentsOfFile: scratch.path + "/" + name, encoding: .utf8)
            }
        }

        @Test("the credential is cached: two requests, one plugin run")
        func caching() async throws {
            let fixture = try Fixture()
            defer { fixture.scratch.remove() }
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("a")), ScriptedTransport.json(200, podJSON("b"))])
            let client = KubeClient.scripted(transport, connection: fixture.connection)
            _ = try await client.get(Pod.self, name: "a", namespace: "default")
            _ = try await client.get(Pod.self, name: "b", namespace: "default")
            #expect(transport.requests.map { $0.header("Authorization") } == ["Bearer exec-token-1", "Bearer exec-token-1"])
            #expect(client.statistics.execPluginRuns == 1)
            #expect(try fixture.read("args") == "--cluster prod\n")
            let info = try JSONValue(parsing: try fixture.read("info"))
            #expect(info == JSONValue.object(JSONObject([
                ("apiVersion", .string(KubeExecConfig.v1)), ("kind", .string("ExecCredential")),
                ("spec", .object(JSONObject([("interactive", .bool(false))]))),
            ])))
        }

        @Test("an expired credential is replaced")
        func expiry() async throws {
            let fixture = try Fixture(expiry: "2023-11-14T22:13:20Z") // 1_700_000_000
            defer { fixture.scratch.remove() }
            let clock = TestWallClock(1_699_999_000)
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("a")), ScriptedTransport.json(200, podJSON("a")),
                                               ScriptedTransport.json(200, podJSON("a"))])
            let client = KubeClient.scripted(transport, connection: fixture.connection, clock: clock)
            _ = try await client.get(Pod.self, name: "a", namespace: "default")
            clock.now = 1_699_999_999
            _ = try await client.get(Pod.self, name: "a", namespace: "default")
            clock.now = 1_700_000_000
            _ = try await client.get(Pod.self, name: "a", namespace: "default")
            #expect(transport.requests.map { $0.header("Authorization") }
                == ["Bearer exec-token-1", "Bearer exec-token-1", "Bearer exec-token-2"])
            #expect(client.statistics.execPluginRuns == 2)
        }

        @Test("a 401 runs the plugin again, once")
        func unauthorizedRefresh() async throws {
            let fixture = try Fixture()
            defer { fixture.scratch.remove() }
            let transport = ScriptedTransport([
                ScriptedTransport.status(401, reason: "Unauthorized", message: "Unauthorized"),
                ScriptedTransport.json(200, podJSON("a")),
                ScriptedTransport.status(401, reason: "Unauthorized", message: "Unauthorized"),
                ScriptedTransport.status(401, reason: "Unauthorized", message: "Unauthorized"),
            ])
            let client = KubeClient.scripted(transport, connection: fixture.connection)
            _ = try await client.get(Pod.self, name: "a", namespace: "default")
            #expect(client.statistics.execPluginRuns == 2)
            // Still rejected after a fresh credential: unauthorized, not a loop.
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "a", namespace: "default") }
            #expect(error?.status?.code == 401)
            #expect(error?.request?.attempts == 2)
            #expect(transport.requests.map { $0.header("Authorization") }
                == ["Bearer exec-token-1", "Bearer exec-token-2", "Bearer exec-token-2", "Bearer exec-token-3"])
        }

        @Test("cluster information is passed when asked for")
        func clusterInfo() async throws {
            let fixture = try Fixture(apiVersion: KubeExecConfig.v1beta1, provideClusterInfo: true)
            defer { fixture.scratch.remove() }
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("a"))])
            let client = KubeClient.scripted(transport, connection: fixture.connection)
            _ = try await client.get(Pod.self, name: "a", namespace: "default")
            let info = try JSONValue(parsing: try fixture.read("info"))
            #expect(info["apiVersion"] == .string(KubeExecConfig.v1beta1))
            #expect(info["spec"]?["cluster"]?["server"] == .string("https://kube.test:6443"))
            #expect(info["spec"]?["cluster"]?["certificate-authority-data"]
                == .string(Base64.encode(Array(KubePEMFixtures.caCertificate.utf8))))
        }

        @Test("a client certificate from the plugin replaces the TLS configuration")
        func clientCertificate() async throws {
            let status = JSONValue.object(JSONObject([
                ("clientCertificateData", .string(KubePEMFixtures.clientCertificate)),
                ("clientKeyData", .string(KubePEMFixtures.clientKey)),
            ])).jsonText
            let script = "#!/bin/sh\nprintf '%s' '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":\(status)}'\n"
            let fixture = try Fixture(script: script)
            defer { fixture.scratch.remove() }
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("a"))])
            let client = KubeClient.scripted(transport, connection: fixture.connection)
            _ = try await client.get(Pod.self, name: "a", namespace: "default")
            let request = try #require(transport.requests.first)
            #expect(request.header("Authorization") == nil)
            #expect(request.tlsConfiguration?.certificateChain.count == 1)
        }

        @Test("plugin failures are credential errors that say why", arguments: [
            ("#!/bin/sh\necho 'login required: run sso-login' >&2\nexit 3\n", "exited with status 3: login required: run sso-login"),
            ("#!/bin/sh\necho not json\n", "exec plugin output: the output is not JSON"),
            ("#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\"}}'\n",
             "the output's apiVersion is \"client.authentication.k8s.io/v1beta1\", but the kubeconfig asks for \"client.authentication.k8s.io/v1\""),
            ("#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'\n",
             "status has neither a token nor clientCertificateData and clientKeyData"),
            ("#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\",\"expirationTimestamp\":\"soon\"}}'\n",
             "status.expirationTimestamp \"soon\" is not an RFC 3339 time"),
            ("#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"clientKeyData\":\"k\"}}'\n",
             "status has clientKeyData but no clientCertificateData"),
        ])
        func failures(script: String, fragment: String) async throws {
            let fixture = try Fixture(script: script)
            defer { fixture.scratch.remove() }
            let transport = ScriptedTransport([])
            let client = KubeClient.scripted(transport, connection: fixture.connection)
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "a", namespace: "default") }
            guard case .credentials(_, let reason)? = error else {
                Issue.record("expected a credentials error, got \(String(describing: error))")
                return
            }
            #expect(reason.contains(fragment), "\(reason)")
            #expect(transport.requests.isEmpty)
        }

        @Test("a bare command is searched in PATH; a missing one shows the install hint")
        func commandLookup() async throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            let plugin = try scratch.shellPlugin("bin/kube-token", script: "printf '%s' '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"from-path\"}}'\n")
            let found = KubeExecConfig(command: "kube-token", args: [plugin.script])
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("a"))])
            let client = KubeClient.scripted(transport, connection: .testConnection(credentials: .exec(found, kubeconfig: "k")),
                                             environment: ["PATH": "/nonexistent:\(scratch.path)/bin"])
            _ = try await client.get(Pod.self, name: "a", namespace: "default")
            #expect(transport.requests.first?.header("Authorization") == "Bearer from-path")

            let missing = KubeExecConfig(command: "no-such-plugin", installHint: "install it with: apt install no-such-plugin")
            let failing = KubeClient.scripted(ScriptedTransport([]), connection: .testConnection(credentials: .exec(missing, kubeconfig: "k")),
                                              environment: ["PATH": scratch.path + "/bin"])
            let error = await #expect(throws: KubeError.self) { _ = try await failing.get(Pod.self, name: "a", namespace: "default") }
            #expect(error?.description.hasSuffix(
                "has no credentials: exec plugin \"no-such-plugin\" was not found: install it with: apt install no-such-plugin") == true)
        }
    }
}
