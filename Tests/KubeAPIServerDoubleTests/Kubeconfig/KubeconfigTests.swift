import Testing
@testable import KubeAPIServerDouble

@Suite("Kubeconfig documents")
struct KubeconfigTests {
    static let document = KubeconfigDocument(
        name: "double", server: "https://127.0.0.1:6443", certificateAuthority: .data("PEM"), namespace: "ns1",
        user: ["token": "abc"])

    @Test("YAML rendering, plain where kubectl writes plain")
    func yaml() {
        #expect(Self.document.rendered(.yaml) == """
            apiVersion: v1
            kind: Config
            clusters:
            - name: double
              cluster:
                server: https://127.0.0.1:6443
                certificate-authority-data: UEVN
            users:
            - name: double
              user:
                token: abc
            contexts:
            - name: double
              context:
                cluster: double
                user: double
                namespace: ns1
            current-context: double
            preferences: {}

            """)
    }

    @Test("strings a plain scalar would misread are double-quoted", arguments: [
        ("abc", true), ("https://10.0.0.1:6443", true), ("LS0tLS1CRUdJTg==", true), ("/etc/ca.crt", true), ("a-b_c.d@e", true),
        ("true", false), ("Yes", false), ("off", false), ("null", false), ("~", false), ("", false), ("8080", false),
        ("+LS0t", false), ("a b", false), ("-x", false), ("key:", false), ("a#b", false), ("é", false), ("*alias", false),
    ])
    func quoting(text: String, plain: Bool) {
        #expect(YAMLWriter.isPlainSafe(text) == plain)
        let rendered = YAMLWriter.render(["k": .string(text)])
        #expect(rendered == (plain ? "k: \(text)\n" : "k: \(KubeJSON.string(text).serialized)\n"))
    }

    @Test("JSON rendering parses back to the same structure")
    func json() throws {
        let parsed = try KubeJSON.parse(Self.document.rendered(.json))
        #expect(parsed == Self.document.json)
        #expect(parsed.value(at: "current-context") == "double")
    }

    @Test("file references instead of data")
    func files() {
        var document = Self.document
        document.certificateAuthority = .file("double-ca.crt")
        let cluster = document.json["clusters"]?.arrayValue?.first?["cluster"]
        #expect(cluster?["certificate-authority"] == "double-ca.crt")
        #expect(cluster?["certificate-authority-data"] == nil)
    }
}
