import FoundationEssentials
import Testing
@testable import KubeAPIServerDouble

@Suite("Authentication")
struct AuthenticatorTests {
    static let authority = try! CertificateAuthority.generate()
    static let authenticator = Authenticator(
        tokens: ["good": KubeUser(name: "alice", groups: ["dev"])],
        basicAccounts: ["bob": BasicAccount(password: "s3cret:x", user: KubeUser(name: "bob"))],
        certificateAuthority: authority)

    static func basic(_ text: String) -> String { "Basic " + Data(text.utf8).base64EncodedString() }

    @Test("headers", arguments: [
        ("Bearer good", "alice"),
        ("bearer good", "alice"),
        ("Bearer bad", nil),
        ("Bearer", nil),
        ("Bearer ", nil),
        (basic("bob:s3cret:x"), "bob"),
        (basic("bob:wrong"), nil),
        (basic("nobody:s3cret:x"), nil),
        ("Basic !!!", nil),
        ("Token good", nil),
        (nil, nil),
    ] as [(String?, String?)])
    func headers(authorization: String?, user: String?) {
        #expect(Self.authenticator.authenticate(authorization: authorization, clientCertificate: nil)?.name == user)
    }

    @Test("a certificate from the CA is the user in its common name, groups from its organizations")
    func clientCertificate() throws {
        let issued = try Self.authority.issueClientCertificate(user: "carol", groups: ["system:nodes", "ops"])
        let user = Self.authenticator.authenticate(authorization: nil, clientCertificate: issued.certificate)
        #expect(user == KubeUser(name: "carol", groups: ["system:nodes", "ops"]))
        // A certificate wins over a bad token, as with the apiserver's union authenticator.
        #expect(Self.authenticator.authenticate(authorization: "Bearer bad", clientCertificate: issued.certificate)?.name == "carol")
    }

    @Test("certificates from another CA, or expired, are not accepted")
    func rejectedCertificates() throws {
        let foreign = try CertificateAuthority.generate().issueClientCertificate(user: "eve")
        #expect(Self.authenticator.authenticate(authorization: nil, clientCertificate: foreign.certificate) == nil)
        #expect(Self.authenticator.authenticate(authorization: "Bearer good", clientCertificate: foreign.certificate)?.name == "alice")
        let issued = try Self.authority.issueClientCertificate(user: "carol", validFor: 60)
        #expect(Self.authenticator.authenticate(
            authorization: nil, clientCertificate: issued.certificate, now: Date().addingTimeInterval(3600)) == nil)
    }

    @Test("the serving certificate names 127.0.0.1 and localhost and is signed by the CA")
    func servingCertificate() throws {
        let serving = try Self.authority.issueServerCertificate(hosts: ["127.0.0.1", "localhost"])
        let names = try #require(try serving.certificate.extensions.subjectAlternativeNames)
        #expect(names.contains(.dnsName("localhost")))
        #expect(names.contains(.ipAddress(.init(contentBytes: [127, 0, 0, 1]))))
        #expect(Self.authority.hasIssued(serving.certificate))
        #expect(serving.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(Self.authority.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
    }
}
