/// Static PEM fixtures for kubeconfig tests: a test CA and a client certificate it signed
/// (EC P-256, valid for a hundred years). They only need to parse; TLS tests use the apiserver double's CA.
enum KubePEMFixtures {
    /// A self-signed CA certificate (`CN=multinet-test-ca`).
    static let caCertificate = """
-----BEGIN CERTIFICATE-----
MIIBjjCCATOgAwIBAgIUB5wDVHsERTvAAD06X8p2U1sjGO4wCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQbXVsdGluZXQtdGVzdC1jYTAgFw0yNjExMjkxNjQ3NDlaGA8y
MTI2MTEwNTE2NDc0OVowGzEZMBcGA1UEAwwQbXVsdGluZXQtdGVzdC1jYTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABGesqBwgNXacSjHqc6rlS782i7xuUStPuhxr
zZKMvnMti0+R2nJ5AaNEQuEfoCIJPxVd8p4TqnCC6Z+dSYoAyz6jUzBRMB0GA1Ud
DgQWBBQX6TR1ZNrZpGVi6puMEhXpNHjcGDAfBgNVHSMEGDAWgBQX6TR1ZNrZpGVi
6puMEhXpNHjcGDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0kAMEYCIQD/
29kbjlrXxDJF4Z3nkkeLCveadFK0vVRObJWgCiaNogIhAIzSztFAKRF50bHwE+Ju
4FIQk4RWa/hcCb4y/sdYIaSE
-----END CERTIFICATE-----
"""

    /// A client certificate signed by ``caCertificate`` (`CN=tester, O=system:masters`).
    static let clientCertificate = """
-----BEGIN CERTIFICATE-----
MIIBQTCB6AIUM3znbuZRR7E3vTscXqsU33sEmwswCgYIKoZIzj0EAwIwGzEZMBcG
A1UEAwwQbXVsdGluZXQtdGVzdC1jYTAgFw0yNjExMjkxNjQ3NDlaGA8yMTI2MTEw
NTE2NDc0OVowKjEPMA0GA1UEAwwGdGVzdGVyMRcwFQYDVQQKDA5zeXN0ZW06bWFz
dGVyczBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABCmhzbvK/nUwS9SzRqESqU58
URfQQo2mEQ1ylinKigNKU+e+v6jW8fXBPmXP0j1ZqptNbznNxJyVdU+vQuz8kj8w
CgYIKoZIzj0EAwIDSAAwRQIgfXyyjwGnJ7SvKU7SzRuyz7Ba1DMJvRXsnyblL5xY
6J8CIQD1epelN4HNp+1ugBfnMbxcYettOetaHcMJDdLZtGwcCw==
-----END CERTIFICATE-----
"""

    /// The client certificate's private key (PKCS#8).
    static let clientKey = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgkiW3lxtGOGSZDXwJ
NMg8qkN9/+oqw6JiWXA4W8a7BguhRANCAAQpoc27yv51MEvUs0ahEqlOfFEX0EKN
phENcpYpyooDSlPnvr+o1vH1wT5lz9I9WaqbTW85zcSclXVPr0Ls/JI/
-----END PRIVATE KEY-----
"""
}
