import Testing
@testable import MultinetKube
import MultinetTestSupport

extension KubeTests {
    @Suite("kubeconfig loading")
    struct KubeConfigLoadingTests {
        static let base64CA = Base64.encode(Array(KubePEMFixtures.caCertificate.utf8))
        static let base64Cert = Base64.encode(Array(KubePEMFixtures.clientCertificate.utf8))
        static let base64Key = Base64.encode(Array(KubePEMFixtures.clientKey.utf8))

        @Test("a YAML kubeconfig with a token resolves its current context")
        func yamlToken() throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            let path = try scratch.write("config", """
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            - name: prod-cluster
              cluster:
                server: https://10.0.0.1:6443
                certificate-authority-data: \(Self.base64CA)
            users:
            - name: admin
              user:
                token: s3cr3t
            contexts:
            - name: prod
              context:
                cluster: prod-cluster
                user: admin
                namespace: kube-system
            """)
            let config = try KubeConfig.load(path: path)
            #expect(config.formats == [.yaml])
            let connection = try config.connection()
            #expect(connection.server == KubeServerURL(host: "10.0.0.1", port: 6443))
            #expect(connection.credentials == .token("s3cr3t"))
            #expect(connection.namespace == "kube-system")
            #expect(connection.tls.certificateAuthorityPEM == Array(KubePEMFixtures.caCertificate.utf8))
            #expect(connection.source == "kubeconfig \(path), context \"prod\"")
            // Nothing secret in what may be logged.
            #expect(!connection.description.contains("s3cr3t"))
            #expect(!String(describing: config.users["admin"]!).contains("s3cr3t"))
        }

        @Test("a JSON kubeconfig takes the fast path without the YAML parser")
        func jsonFastPath() throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            let path = try scratch.write("config.json", """
              {"apiVersion":"v1","kind":"Config","current-context":"c",
               "clusters":[{"name":"k","cluster":{"server":"https://kube.example:443","insecure-skip-tls-verify":true}}],
               "users":[{"name":"u","user":{"username":"alice","password":"pw"}}],
               "contexts":[{"name":"c","context":{"cluster":"k","user":"u"}}]}
            """)
            let config = try KubeConfig.load(path: path)
            #expect(config.formats == [.json])
            let connection = try config.connection()
            #expect(connection.tls.insecureSkipVerify)
            #expect(connection.credentials == .basic(username: "alice", password: "pw"))
            #expect(connection.namespace == "default")
        }

        @Test("the plugin reads a YAML kubeconfig; blank, comment-only and null files are empty")
        func pluginReadsYAML() throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            let path = try scratch.write("config", """
            current-context: c
            clusters: [{name: k, cluster: {server: "https://k:6443", insecure-skip-tls-verify: yes}}]
            users: [{name: u, user: {token: SECRET-TOKEN}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            """)
            let connection = try #require(try ClusterConnection.forPlugin(kubeconfig: path, environment: [:]))
            #expect(connection.credentials == .token("SECRET-TOKEN"))
            #expect(connection.tls.insecureSkipVerify)
            #expect(try KubeConfig.load(path: path).formats == [.yaml])
            for (name, text) in [("blank", " \n\n"), ("comments", "# nothing yet\n"), ("null", "---\nnull\n"), ("empty", "")] {
                let file = try scratch.write(name, text)
                let config = try KubeConfig.load(path: file)
                #expect(config.currentContext == nil && config.clusters.isEmpty, "\(name)")
            }
        }

        @Test("a file starting with { that is not JSON is read as YAML, as kubectl reads it")
        func flowMappingAndRepeatedKeys() throws {
            let flow = try KubeConfig.parse(Array("{current-context: c, contexts: [{name: c, context: {cluster: k}}]}".utf8),
                                            path: "/virtual/config")
            #expect(flow.currentContext == "c" && flow.formats == [.yaml])
            // JSON forbids a repeated key; kubectl (go-yaml v2, not strict) keeps the last.
            let repeated = try KubeConfig.parse(Array(#"{"current-context": "a", "current-context": "b"}"#.utf8), path: "/virtual/config")
            #expect(repeated.currentContext == "b")
            #expect(throws: KubeConfigError.malformed(path: "/virtual/config", key: nil,
                                                      reason: "invalid JSON: unexpected end of input")) {
                try KubeConfig.parse(Array(#"{"users": ["#.utf8), path: "/virtual/config")
            }
        }

        @Test("detects JSON by its first non-blank byte", arguments: [
            ("{}", KubeConfigFormat.json),
            ("  \n\t{\"a\":1}", .json),
            ("\u{FEFF}{}", .json),
            ("apiVersion: v1", .yaml),
            ("", .yaml),
            ("# {comment}\n{}", .yaml),
        ])
        func formatDetection(text: String, format: KubeConfigFormat) {
            #expect(KubeConfig.detectFormat(Array(text.utf8)) == format)
        }

        @Test("certificate files resolve relative to the kubeconfig's directory")
        func relativeCertificateFiles() throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            try scratch.write("kube/pki/ca.crt", KubePEMFixtures.caCertificate)
            try scratch.write("kube/pki/client.crt", KubePEMFixtures.clientCertificate)
            try scratch.write("kube/pki/client.key", KubePEMFixtures.clientKey)
            let path = try scratch.write("kube/config", """
            current-context: c
            clusters:
            - name: k
              cluster:
                server: https://kube.example:6443
                certificate-authority: pki/ca.crt
                tls-server-name: kubernetes.default
            users:
            - name: u
              user:
                client-certificate: ./pki/client.crt
                client-key: pki/client.key
            contexts:
            - name: c
              context: {cluster: k, user: u}
            """)
            let config = try KubeConfig.load(path: path)
            #expect(config.clusters["k"]?.certificateAuthority == scratch.path + "/kube/pki/ca.crt")
            #expect(config.users["u"]?.clientCertificate == scratch.path + "/kube/pki/client.crt")
            let connection = try config.connection()
            #expect(connection.tls.certificateAuthorityPEM == Array(KubePEMFixtures.caCertificate.utf8))
            #expect(connection.tls.clientCertificatePEM == Array(KubePEMFixtures.clientCertificate.utf8))
            #expect(connection.tls.clientKeyPEM == Array(KubePEMFixtures.clientKey.utf8))
            #expect(connection.tls.serverName == "kubernetes.default")
            #expect(connection.credentials == KubeCredentials.none)
        }

        @Test("-data forms are decoded from base64")
        func dataForms() throws {
            let config = try KubeConfig.parse(Array("""
            current-context: c
            clusters: [{name: k, cluster: {server: "https://[fd00::1]:6443", certificate-authority-data: \(Self.base64CA)}}]
            users: [{name: u, user: {client-certificate-data: \(Self.base64Cert), client-key-data: \(Self.base64Key)}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            """.utf8), path: "/virtual/config")
            let connection = try config.connection()
            #expect(connection.server.host == "fd00::1")
            #expect(connection.server.description == "https://[fd00::1]:6443")
            #expect(connection.tls.clientCertificatePEM == Array(KubePEMFixtures.clientCertificate.utf8))
            #expect(connection.tls.clientKeyPEM == Array(KubePEMFixtures.clientKey.utf8))
        }

        @Test("tokenFile is kept as a file to read per request, with token as fallback")
        func tokenFile() throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            try scratch.write("token", "abc\n")
            let path = try scratch.write("config", """
            current-context: c
            clusters: [{name: k, cluster: {server: "https://k:6443"}}]
            users:
            - {name: u, user: {tokenFile: token}}
            - {name: v, user: {tokenFile: missing-token, token: static}}
            contexts:
            - {name: c, context: {cluster: k, user: u}}
            - {name: d, context: {cluster: k, user: v}}
            """)
            let config = try KubeConfig.load(path: path)
            #expect(try config.connection().credentials == .tokenFile(path: scratch.path + "/token", fallback: nil))
            #expect(try config.connection(context: "d").credentials
                == .tokenFile(path: scratch.path + "/missing-token", fallback: "static"))
        }

        @Test("exec plugins: command, args, env, apiVersion; a relative command is relative to the file")
        func execConfig() throws {
            let config = try KubeConfig.parse(Array("""
            current-context: c
            clusters: [{name: k, cluster: {server: "https://k"}}]
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: bin/get-token
                  args: [--cluster, prod]
                  env: [{name: REGION, value: eu-1}]
                  installHint: install get-token
                  provideClusterInfo: true
            - name: v
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: aws}
            contexts:
            - {name: c, context: {cluster: k, user: u}}
            - {name: d, context: {cluster: k, user: v}}
            """.utf8), path: "/etc/kube/config")
            let expected = KubeExecConfig(command: "/etc/kube/bin/get-token", args: ["--cluster", "prod"],
                                          env: [.init(name: "REGION", value: "eu-1")], apiVersion: KubeExecConfig.v1beta1,
                                          installHint: "install get-token", provideClusterInfo: true)
            #expect(try config.connection().credentials == .exec(expected, kubeconfig: "/etc/kube/config"))
            #expect(try config.connection().server.port == 443)
            guard case .exec(let bare, _) = try config.connection(context: "d").credentials else {
                Issue.record("expected exec credentials")
                return
            }
            #expect(bare.command == "aws")
        }

        @Test("KUBECONFIG files merge as kubectl merges them")
        func mergedKubeconfig() throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            let first = try scratch.write("a/config", """
            clusters: [{name: shared, cluster: {server: "https://first:6443"}}]
            users: [{name: u, user: {token: from-a}}]
            contexts: [{name: a, context: {cluster: shared, user: u}}]
            """)
            let second = try scratch.write("b/config.json", """
            {"current-context":"b",
             "clusters":[{"name":"shared","cluster":{"server":"https://second:6443"}},
                         {"name":"only-b","cluster":{"server":"https://b:6443"}}],
             "users":[{"name":"u","user":{"token":"from-b"}}],
             "contexts":[{"name":"b","context":{"cluster":"only-b","user":"u"}}]}
            """)
            let third = try scratch.write("c/config", "current-context: a\n")
            let environment = ["KUBECONFIG": [first, scratch.path + "/does-not-exist", second, first, third].joined(separator: ":")]
            let config = try KubeConfig.loadDefault(environment: environment)
            #expect(config.paths == [first, second, third])
            #expect(config.formats == [.yaml, .json, .yaml])
            // The first current-context set wins (b's), although c sets another one.
            #expect(config.currentContext == "b")
            let b = try config.connection()
            #expect(b.server.host == "b")
            // The first file defining a name wins: user u is a's.
            #expect(b.credentials == .token("from-a"))
            let a = try config.connection(context: "a")
            #expect(a.server.host == "first")
        }

        @Test("without KUBECONFIG, ~/.kube/config is read")
        func homeConfig() throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            try scratch.write(".kube/config", """
            {"current-context":"c","clusters":[{"name":"k","cluster":{"server":"https://home:6443"}}],
             "contexts":[{"name":"c","context":{"cluster":"k"}}]}
            """)
            let connection = try ClusterConnection.likeKubectl(kubeconfig: nil, environment: ["HOME": scratch.path])
            #expect(connection.server.host == "home")
            #expect(connection.credentials == .none)
        }

        @Test("in-cluster configuration reads the service account directory")
        func inCluster() throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            let directory = scratch.path + "/sa"
            try scratch.write("sa/token", "projected-token\n")
            try scratch.write("sa/ca.crt", KubePEMFixtures.caCertificate)
            try scratch.write("sa/namespace", "kube-system")
            let environment = ["KUBERNETES_SERVICE_HOST": "fd00::10", "KUBERNETES_SERVICE_PORT": "443"]
            let connection = try ClusterConnection.inCluster(environment: environment, serviceAccountDirectory: directory)
            #expect(connection.server.description == "https://[fd00::10]:443")
            #expect(connection.credentials == .tokenFile(path: directory + "/token", fallback: nil))
            #expect(connection.namespace == "kube-system")
            #expect(connection.tls.certificateAuthorityPEM == Array(KubePEMFixtures.caCertificate.utf8))

            // The plugin uses it when its configuration names no kubeconfig…
            let plugin = try ClusterConnection.forPlugin(kubeconfig: nil, environment: environment,
                                                         serviceAccountDirectory: directory)
            #expect(plugin == connection)
            // … and has no apiserver outside a cluster.
            #expect(try ClusterConnection.forPlugin(kubeconfig: nil, environment: [:]) == nil)
            // kubectl-like discovery falls back to it when there is no kubeconfig.
            let kubectl = try ClusterConnection.likeKubectl(kubeconfig: nil, environment: environment.merging(["HOME": scratch.path]) { a, _ in a },
                                                            serviceAccountDirectory: directory)
            #expect(kubectl == connection)
        }
    }
}
