import Testing
@testable import MultinetKube
import MultinetTestSupport

extension KubeTests {
    @Suite("kubeconfigs in YAML and JSON")
    struct KubeConfigFormatTests {
        static let ca = KubeConfigLoadingTests.base64CA
        static let cert = KubeConfigLoadingTests.base64Cert
        static let key = KubeConfigLoadingTests.base64Key

        /// One kubeconfig shape written both ways, and what its connection must authenticate with.
        struct Shape: Sendable, CustomTestStringConvertible {
            var name: String
            var yaml: String
            var json: String
            /// The credentials expected, given the scratch directory.
            var credentials: @Sendable (String) -> KubeCredentials
            /// Whether the connection presents a client certificate.
            var clientCertificate = false
            var testDescription: String { name }
        }

        static let shapes: [Shape] = [
            Shape(name: "token, certificate-authority-data (as kubectl writes it)", yaml: """
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority-data: \(ca)
                    server: https://10.0.0.1:6443
                  name: prod
                contexts:
                - context:
                    cluster: prod
                    user: admin
                  name: prod
                current-context: prod
                kind: Config
                preferences: {}
                users:
                - name: admin
                  user:
                    token: 12345abcdef
                """, json: """
                {"apiVersion":"v1","clusters":[{"cluster":{"certificate-authority-data":"\(ca)","server":"https://10.0.0.1:6443"},"name":"prod"}],
                 "contexts":[{"context":{"cluster":"prod","user":"admin"},"name":"prod"}],"current-context":"prod","kind":"Config",
                 "preferences":{},"users":[{"name":"admin","user":{"token":"12345abcdef"}}]}
                """, credentials: { _ in .token("12345abcdef") }),
            Shape(name: "tokenFile, certificate-authority file (relative paths)", yaml: """
                current-context: c
                clusters:
                  - name: k
                    cluster:
                      server: "https://k.example:443"
                      certificate-authority: pki/ca.crt
                users:
                  - name: u
                    user:
                      tokenFile: ./token
                contexts:
                  - name: c
                    context: {cluster: k, user: u, namespace: kube-system}
                """, json: """
                {"current-context":"c","clusters":[{"name":"k","cluster":{"server":"https://k.example:443","certificate-authority":"pki/ca.crt"}}],
                 "users":[{"name":"u","user":{"tokenFile":"./token"}}],
                 "contexts":[{"name":"c","context":{"cluster":"k","user":"u","namespace":"kube-system"}}]}
                """, credentials: { .tokenFile(path: $0 + "/token", fallback: nil) }),
            Shape(name: "client-certificate and client-key files, insecure-skip-tls-verify", yaml: """
                # written by hand
                current-context: c
                clusters:
                - name: k
                  cluster:
                    server: https://k:6443
                    insecure-skip-tls-verify: true
                users:
                - name: node
                  user:
                    client-certificate: pki/client.crt
                    client-key: pki/client.key
                contexts:
                - name: c
                  context:
                    cluster: k
                    user: node
                """, json: """
                {"current-context":"c","clusters":[{"name":"k","cluster":{"server":"https://k:6443","insecure-skip-tls-verify":true}}],
                 "users":[{"name":"node","user":{"client-certificate":"pki/client.crt","client-key":"pki/client.key"}}],
                 "contexts":[{"name":"c","context":{"cluster":"k","user":"node"}}]}
                """, credentials: { _ in .none }, clientCertificate: true),
            Shape(name: "client-certificate-data and client-key-data, tls-server-name, flow style", yaml: """
                current-context: c
                clusters: [{name: k, cluster: {server: 'https://[fd00::1]:6443', certificate-authority-data: \(ca), tls-server-name: kubernetes}}]
                users: [{name: u, user: {client-certificate-data: \(cert), client-key-data: \(key)}}]
                contexts: [{name: c, context: {cluster: k, user: u}}]
                """, json: """
                {"current-context":"c",
                 "clusters":[{"name":"k","cluster":{"server":"https://[fd00::1]:6443","certificate-authority-data":"\(ca)","tls-server-name":"kubernetes"}}],
                 "users":[{"name":"u","user":{"client-certificate-data":"\(cert)","client-key-data":"\(key)"}}],
                 "contexts":[{"name":"c","context":{"cluster":"k","user":"u"}}]}
                """, credentials: { _ in .none }, clientCertificate: true),
            Shape(name: "certificate -data folded over several lines, basic authentication", yaml: """
                current-context: c
                clusters:
                - name: k
                  cluster:
                    server: https://k:6443
                    certificate-authority-data: >-
                      \(ca)
                users:
                - name: u
                  user: {username: alice, password: "p@ss: word"}
                contexts:
                - {name: c, context: {cluster: k, user: u}}
                """, json: """
                {"current-context":"c","clusters":[{"name":"k","cluster":{"server":"https://k:6443","certificate-authority-data":"\(ca)"}}],
                 "users":[{"name":"u","user":{"username":"alice","password":"p@ss: word"}}],
                 "contexts":[{"name":"c","context":{"cluster":"k","user":"u"}}]}
                """, credentials: { _ in .basic(username: "alice", password: "p@ss: word") }),
            Shape(name: "exec credential plugin", yaml: """
                current-context: c
                clusters:
                - name: k
                  cluster: {server: https://k}
                users:
                - name: u
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: bin/get-token
                      args:
                      - --cluster
                      - prod
                      env:
                      - name: REGION
                        value: eu-1
                      installHint: |
                        install get-token
                      provideClusterInfo: yes
                      interactiveMode: Never
                contexts:
                - name: c
                  context: {cluster: k, user: u}
                """, json: """
                {"current-context":"c","clusters":[{"name":"k","cluster":{"server":"https://k"}}],
                 "users":[{"name":"u","user":{"exec":{"apiVersion":"client.authentication.k8s.io/v1","command":"bin/get-token",
                   "args":["--cluster","prod"],"env":[{"name":"REGION","value":"eu-1"}],"installHint":"install get-token\\n",
                   "provideClusterInfo":true,"interactiveMode":"Never"}}}],
                 "contexts":[{"name":"c","context":{"cluster":"k","user":"u"}}]}
                """, credentials: { directory in
                    .exec(KubeExecConfig(command: directory + "/bin/get-token", args: ["--cluster", "prod"],
                                         env: [.init(name: "REGION", value: "eu-1")], apiVersion: KubeExecConfig.v1,
                                         installHint: "install get-token\n", provideClusterInfo: true),
                          kubeconfig: directory + "/kubeconfig")
                }),
            Shape(name: "several clusters, users and contexts; current-context picks one; anchors reuse a user", yaml: """
                apiVersion: v1
                kind: Config
                current-context: staging
                clusters:
                - name: prod
                  cluster: {server: https://prod:6443, insecure-skip-tls-verify: true}
                - name: staging
                  cluster: {server: https://staging:6443, insecure-skip-tls-verify: true}
                users:
                - name: ops
                  user: &ops {token: shared-token}
                - name: ci
                  user: *ops
                contexts:
                - name: prod
                  context: {cluster: prod, user: ops, namespace: prod-ns}
                - name: staging
                  context: {cluster: staging, user: ci, namespace: stage-ns}
                """, json: """
                {"apiVersion":"v1","kind":"Config","current-context":"staging",
                 "clusters":[{"name":"prod","cluster":{"server":"https://prod:6443","insecure-skip-tls-verify":true}},
                             {"name":"staging","cluster":{"server":"https://staging:6443","insecure-skip-tls-verify":true}}],
                 "users":[{"name":"ops","user":{"token":"shared-token"}},{"name":"ci","user":{"token":"shared-token"}}],
                 "contexts":[{"name":"prod","context":{"cluster":"prod","user":"ops","namespace":"prod-ns"}},
                             {"name":"staging","context":{"cluster":"staging","user":"ci","namespace":"stage-ns"}}]}
                """, credentials: { _ in .token("shared-token") }),
        ]

        @Test("every kubeconfig shape reads the same from YAML and from JSON", arguments: shapes)
        func sameConfig(_ shape: Shape) throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            try scratch.write("pki/ca.crt", KubePEMFixtures.caCertificate)
            try scratch.write("pki/client.crt", KubePEMFixtures.clientCertificate)
            try scratch.write("pki/client.key", KubePEMFixtures.clientKey)
            try scratch.write("token", "file-token\n")
            let path = scratch.path + "/kubeconfig"
            var yaml = try KubeConfig.parse(Array(shape.yaml.utf8), path: path)
            let json = try KubeConfig.parse(Array(shape.json.utf8), path: path)
            #expect(yaml.formats == [.yaml])
            #expect(json.formats == [.json])
            yaml.formats = json.formats
            #expect(yaml == json)
            #expect(!json.clusters.isEmpty && !json.users.isEmpty && !json.contexts.isEmpty)
            let connection = try yaml.connection()
            #expect(connection == (try json.connection()))
            #expect(connection.credentials == shape.credentials(scratch.path))
            #expect((connection.tls.clientCertificatePEM != nil) == shape.clientCertificate)
            for context in json.contexts.keys {
                #expect(try yaml.connection(context: context) == (try json.connection(context: context)), "\(context)")
            }
        }

        @Test("the current context of the several-contexts shape is the one named")
        func currentContextPicked() throws {
            let shape = try #require(Self.shapes.last)
            let config = try KubeConfig.parse(Array(shape.yaml.utf8), path: "/virtual/kubeconfig")
            let connection = try config.connection()
            #expect(connection.server.host == "staging" && connection.namespace == "stage-ns")
            #expect(try config.connection(context: "prod").server.host == "prod")
        }

        /// A YAML kubeconfig the reader must refuse, the line its message must give, and a fragment.
        struct Refusal: Sendable, CustomTestStringConvertible {
            var name: String
            var bytes: [UInt8]
            var fragment: String
            var testDescription: String { name }
        }

        static let base = "current-context: c\nusers:\n- name: u\n  user:\n    token: SECRET-TOKEN\n"

        static let refusals: [Refusal] = [
            Refusal(name: "invalid YAML", bytes: Array((base + "contexts: [{name: c\n").utf8),
                    fragment: "is not a valid kubeconfig: invalid YAML at line 7, column 1: did not find expected ',' or '}'"),
            Refusal(name: "a tab in the indentation", bytes: Array((base + "clusters:\n\t- name: k\n").utf8),
                    fragment: "is not a valid kubeconfig: invalid YAML at line 7, column 1: found character that cannot start any token"),
            Refusal(name: "not UTF-8", bytes: Array(base.utf8) + [0x63, 0x3A, 0x20, 0xC0, 0xAF, 0x0A],
                    fragment: "is not a valid kubeconfig: invalid YAML at line 6, column 4: not UTF-8 text"),
            Refusal(name: "two documents", bytes: Array((base + "---\n" + base).utf8),
                    fragment: "is not a valid kubeconfig: invalid YAML at line 6, column 1: a second YAML document starts here"),
            Refusal(name: "a mapping where a string is expected", bytes: Array((base + "clusters:\n- name: k\n  cluster:\n    server: {url: x}\n").utf8),
                    fragment: "kubeconfig $PATH: cluster \"k\": server: expected a string, found an object (line 9, column 13)"),
            Refusal(name: "a list where a mapping is expected", bytes: Array((base + "contexts:\n- [c]\n").utf8),
                    fragment: "kubeconfig $PATH: contexts[0]: expected a mapping, found an array (line 7, column 3)"),
            Refusal(name: "a string where true or false is expected", bytes: Array((base + "clusters:\n- name: k\n  cluster:\n    insecure-skip-tls-verify: maybe\n").utf8),
                    fragment: "cluster \"k\": insecure-skip-tls-verify: expected true or false, found a string (line 9, column 31)"),
            Refusal(name: "a password YAML reads as a boolean", bytes: Array("users:\n- name: u\n  user: {username: bob, password: yes}\n".utf8),
                    fragment: "user \"u\": password: expected a string, found a boolean (line 3, column 35)"),
            Refusal(name: "invalid base64", bytes: Array((base + "clusters:\n- name: k\n  cluster: {server: https://k, certificate-authority-data: '*'}\n").utf8),
                    fragment: "cluster \"k\": certificate-authority-data: not valid base64 (line 8, column 60)"),
            Refusal(name: "an entry without a name", bytes: Array((base + "clusters:\n- cluster: {server: https://k}\n").utf8),
                    fragment: "kubeconfig $PATH: clusters[0]: the entry has no name (line 7, column 3)"),
            Refusal(name: "a document that is a list", bytes: Array("- SECRET-TOKEN\n".utf8),
                    fragment: "kubeconfig $PATH is not a valid kubeconfig: the document must be a mapping, not an array"),
        ]

        @Test("YAML kubeconfigs are refused naming the file and the line, never quoting it", arguments: refusals)
        func refuses(_ refusal: Refusal) {
            let path = "/etc/kube/kubeconfig"
            let error = #expect(throws: KubeConfigError.self) { _ = try KubeConfig.parse(refusal.bytes, path: path) }
            let message = error?.description ?? ""
            #expect(message.contains(refusal.fragment.replacingOccurrences(of: "$PATH", with: path)), "\(message)")
            #expect(!message.contains("SECRET"))
        }
    }
}
