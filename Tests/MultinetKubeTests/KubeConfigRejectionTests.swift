import Testing
@testable import MultinetKube
import MultinetTestSupport

extension KubeTests {
    @Suite("kubeconfig rejections")
    struct KubeConfigRejectionTests {
        /// One unusable configuration: the kubeconfig text (`nil`: no file), the context
        /// chosen, and a fragment the error must contain. `$DIR` stands for the scratch directory.
        struct Rejection: Sendable, CustomTestStringConvertible {
            var name: String
            var kubeconfig: String?
            var context: String? = nil
            var fragment: String
            var testDescription: String { name }
        }

        /// Every configuration carries a secret that no message may repeat.
        static let secretUser = "- {name: s, user: {token: SECRET-TOKEN, password: SECRET-PASSWORD}}"
        static let goodCluster = #"- {name: k, cluster: {server: "https://k:6443"}}"#

        static func config(clusters: String = goodCluster, users: String = "", contexts: String = "- {name: c, context: {cluster: k, user: s}}",
                           current: String = "c") -> String {
            """
            current-context: \(current)
            clusters:
            \(clusters)
            users:
            \(secretUser)
            \(users)
            contexts:
            \(contexts)
            """
        }

        static let rejections: [Rejection] = [
            Rejection(name: "missing file", kubeconfig: nil, fragment: "kubeconfig $DIR/config does not exist"),
            Rejection(name: "unknown context", kubeconfig: config(), context: "nope",
                      fragment: "kubeconfig $DIR/config has no context \"nope\""),
            Rejection(name: "no current context", kubeconfig: config(current: "\"\""),
                      fragment: "kubeconfig $DIR/config sets no current-context and no context was chosen"),
            Rejection(name: "context naming a missing cluster",
                      kubeconfig: config(contexts: "- {name: c, context: {cluster: ghost, user: s}}"),
                      fragment: "kubeconfig $DIR/config: context \"c\" names cluster \"ghost\", which is not defined"),
            Rejection(name: "context naming a missing user",
                      kubeconfig: config(contexts: "- {name: c, context: {cluster: k, user: ghost}}"),
                      fragment: "context \"c\" names user \"ghost\", which is not defined"),
            Rejection(name: "unreadable CA file",
                      kubeconfig: config(clusters: #"- {name: k, cluster: {server: "https://k", certificate-authority: missing-ca.crt}}"#),
                      fragment: "kubeconfig $DIR/config: cluster \"k\": certificate-authority: cannot read $DIR/missing-ca.crt: No such file or directory"),
            Rejection(name: "invalid base64",
                      kubeconfig: config(clusters: #"- {name: k, cluster: {server: "https://k", certificate-authority-data: "not*base64"}}"#),
                      fragment: "kubeconfig $DIR/config: cluster \"k\": certificate-authority-data: not valid base64"),
            Rejection(name: "CA data that is not a certificate",
                      kubeconfig: config(clusters: #"- {name: k, cluster: {server: "https://k", certificate-authority-data: "aGVsbG8="}}"#),
                      fragment: "cluster \"k\": certificate-authority-data: does not hold a PEM certificate"),
            Rejection(name: "client key data that is not a key",
                      kubeconfig: config(users: "- {name: u, user: {client-certificate-data: \(KubeConfigLoadingTests.base64Cert), client-key-data: aGVsbG8=}}",
                                         contexts: "- {name: c, context: {cluster: k, user: u}}"),
                      fragment: "user \"u\": client-key-data: does not hold a PEM private key"),
            Rejection(name: "a value of the wrong type",
                      kubeconfig: config(clusters: "- {name: k, cluster: {server: [1]}}"),
                      fragment: "kubeconfig $DIR/config: cluster \"k\": server: expected a string, found an array"),
            Rejection(name: "CA with insecure-skip-tls-verify",
                      kubeconfig: config(clusters: "- {name: k, cluster: {server: \"https://k\", insecure-skip-tls-verify: true, certificate-authority-data: \(KubeConfigLoadingTests.base64CA)}}"),
                      fragment: "cluster \"k\": insecure-skip-tls-verify: cannot be combined with a certificate authority"),
            Rejection(name: "client certificate without key",
                      kubeconfig: config(users: "- {name: u, user: {client-certificate-data: \(KubeConfigLoadingTests.base64Cert)}}",
                                         contexts: "- {name: c, context: {cluster: k, user: u}}"),
                      fragment: "user \"u\": client-certificate is set but client-key is not"),
            Rejection(name: "legacy auth provider",
                      kubeconfig: config(users: "- {name: u, user: {auth-provider: {name: gcp}}}",
                                         contexts: "- {name: c, context: {cluster: k, user: u}}"),
                      fragment: "user \"u\": auth-provider: \"gcp\" is not supported; use an exec credential plugin"),
            Rejection(name: "token and basic authentication",
                      kubeconfig: config(users: "- {name: u, user: {token: SECRET-TOKEN, username: bob}}",
                                         contexts: "- {name: c, context: {cluster: k, user: u}}"),
                      fragment: "user \"u\": username/password and a token cannot both be set"),
            Rejection(name: "unreadable token file",
                      kubeconfig: config(users: "- {name: u, user: {tokenFile: /nonexistent/token}}",
                                         contexts: "- {name: c, context: {cluster: k, user: u}}"),
                      fragment: "user \"u\": tokenFile: cannot read /nonexistent/token: No such file or directory"),
            Rejection(name: "server that is not a URL",
                      kubeconfig: config(clusters: #"- {name: k, cluster: {server: "ftp://k"}}"#),
                      fragment: "cluster \"k\": server: \"ftp://k\" is not an http(s)://host[:port] URL"),
            Rejection(name: "cluster without server",
                      kubeconfig: config(clusters: "- {name: k, cluster: {insecure-skip-tls-verify: true}}"),
                      fragment: "cluster \"k\": server: not set"),
            Rejection(name: "unsupported exec apiVersion",
                      kubeconfig: config(users: "- {name: u, user: {exec: {command: x, apiVersion: client.authentication.k8s.io/v1alpha1}}}"),
                      fragment: "user \"u\": exec: apiVersion: \"client.authentication.k8s.io/v1alpha1\" is not supported"),
            Rejection(name: "exec without command",
                      kubeconfig: config(users: "- {name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1}}}"),
                      fragment: "user \"u\": exec: command is missing"),
            Rejection(name: "entry without a name",
                      kubeconfig: config(clusters: #"- {cluster: {server: "https://k"}}"#),
                      fragment: "kubeconfig $DIR/config: clusters[0]: the entry has no name"),
            Rejection(name: "invalid JSON", kubeconfig: #"{"users": [{"name": "s", "user": {"token": "SECRET-TOKEN"}}"#,
                      fragment: "kubeconfig $DIR/config is not a valid kubeconfig: invalid JSON"),
            Rejection(name: "invalid YAML", kubeconfig: "users:\n- name: s\n  user: {token: SECRET-TOKEN\n",
                      fragment: "kubeconfig $DIR/config is not a valid kubeconfig: invalid YAML"),
            Rejection(name: "a document that is not a mapping", kubeconfig: "- SECRET-TOKEN\n",
                      fragment: "the document must be a mapping, not an array"),
        ]

        @Test("each unusable kubeconfig is rejected naming the file and the key", arguments: rejections)
        func rejects(_ rejection: Rejection) throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            let path = scratch.path + "/config"
            if let text = rejection.kubeconfig { try scratch.write("config", text) }
            let error = #expect(throws: KubeConfigError.self) {
                _ = try KubeConfig.load(path: path).connection(context: rejection.context)
            }
            let message = error?.description ?? ""
            #expect(message.contains(rejection.fragment.replacingOccurrences(of: "$DIR", with: scratch.path)), "\(message)")
            #expect(!message.contains("SECRET"))
        }

        @Test("KUBECONFIG naming only missing files is no configuration")
        func onlyMissingFiles() {
            let error = #expect(throws: KubeConfigError.self) {
                _ = try KubeConfig.loadDefault(environment: ["KUBECONFIG": "/nonexistent/a:/nonexistent/b"])
            }
            #expect(error?.description == "no kubeconfig: none of the kubeconfig files /nonexistent/a:/nonexistent/b exists")
        }

        @Test("incomplete in-cluster configurations", arguments: [
            ([String: String](), "in-cluster configuration: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be set"),
            (["KUBERNETES_SERVICE_HOST": "10.96.0.1"], "must both be set"),
            (["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "https"], "KUBERNETES_SERVICE_PORT \"https\" is not a port number"),
            (["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"], "cannot read the service account token $DIR/token: No such file or directory"),
        ])
        func inClusterRejections(environment: [String: String], fragment: String) throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            let error = #expect(throws: KubeConfigError.self) {
                _ = try ClusterConnection.inCluster(environment: environment, serviceAccountDirectory: scratch.path)
            }
            #expect(error?.description.contains(fragment.replacingOccurrences(of: "$DIR", with: scratch.path)) == true,
                    "\(error?.description ?? "")")
        }

        @Test("in-cluster without a CA certificate")
        func inClusterWithoutCA() throws {
            let scratch = try TemporaryDirectory.kubeScratch()
            defer { scratch.remove() }
            try scratch.write("token", "t")
            let error = #expect(throws: KubeConfigError.self) {
                _ = try ClusterConnection.inCluster(environment: ["KUBERNETES_SERVICE_HOST": "h", "KUBERNETES_SERVICE_PORT": "443"],
                                                    serviceAccountDirectory: scratch.path)
            }
            #expect(error == .inCluster(reason: "cannot read the service account CA certificate \(scratch.path)/ca.crt: No such file or directory"))
        }
    }
}
