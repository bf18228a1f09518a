import Crypto
import FoundationEssentials
import X509

/// A certificate authority made in-process (P-256), that signs the double's serving
/// certificate and client certificates.
///
/// Tests can make a second, unrelated authority to produce certificates the server must
/// reject, or to write a kubeconfig that trusts the wrong CA.
public struct CertificateAuthority: Sendable {
    /// The self-signed CA certificate.
    public let certificate: Certificate
    let privateKey: P256.Signing.PrivateKey

    /// Generates a new authority valid for ten years.
    public static func generate(commonName: String = "multinet-kube-apiserver-double-ca") throws -> CertificateAuthority {
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let name = try DistinguishedName { CommonName(commonName) }
        let now = Date()
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: publicKey,
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(10 * 365 * 86400),
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            },
            issuerPrivateKey: Certificate.PrivateKey(key))
        return CertificateAuthority(certificate: certificate, privateKey: key)
    }

    /// The CA certificate in PEM, for `certificate-authority-data` or `--cacert`.
    public var certificatePEM: String {
        // Serialising a certificate we built ourselves cannot fail.
        (try? certificate.serializeAsPEM().pemString) ?? ""
    }

    /// A serving certificate for `hosts` (IP addresses become IP SANs, names DNS SANs).
    public func issueServerCertificate(hosts: [String], commonName: String = "kube-apiserver") throws -> IssuedCertificate {
        try issue(
            subject: try DistinguishedName { CommonName(commonName) },
            usage: try ExtendedKeyUsage([.serverAuth]),
            alternativeNames: hosts.map(Self.generalName))
    }

    /// A client certificate the double accepts: common name `user`, one organization per
    /// group, as Kubernetes maps certificates to users.
    public func issueClientCertificate(
        user: String, groups: [String] = [], validFor seconds: Double = 365 * 86400
    ) throws -> IssuedCertificate {
        let subject = try DistinguishedName {
            for group in groups { OrganizationName(group) }
            CommonName(user)
        }
        return try issue(subject: subject, usage: try ExtendedKeyUsage([.clientAuth]), alternativeNames: [], validFor: seconds)
    }

    private func issue(
        subject: DistinguishedName, usage: ExtendedKeyUsage, alternativeNames: [GeneralName],
        validFor seconds: Double = 365 * 86400
    ) throws -> IssuedCertificate {
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let now = Date()
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: publicKey,
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(seconds),
            issuer: self.certificate.subject,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                usage
                SubjectKeyIdentifier(hash: publicKey)
                AuthorityKeyIdentifier(keyIdentifier: try? self.certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
                if !alternativeNames.isEmpty { SubjectAlternativeNames(alternativeNames) }
            },
            issuerPrivateKey: Certificate.PrivateKey(privateKey))
        return IssuedCertificate(
            certificate: certificate,
            certificatePEM: try certificate.serializeAsPEM().pemString,
            privateKeyPEM: key.pemRepresentation)
    }

    /// An IP SAN for an address, a DNS SAN otherwise.
    static func generalName(_ host: String) -> GeneralName {
        if let bytes = IPv4Address.bytes(host) { return .ipAddress(.init(contentBytes: ArraySlice(bytes))) }
        return .dnsName(host)
    }

    /// Whether `certificate` was issued by this authority and is valid at `date`.
    public func hasIssued(_ certificate: Certificate, at date: Date = Date()) -> Bool {
        certificate.issuer == self.certificate.subject
            && self.certificate.publicKey.isValidSignature(certificate.signature, for: certificate)
            && certificate.notValidBefore <= date && date <= certificate.notValidAfter
    }
}

/// Parsing dotted-quad IPv4 addresses.
enum IPv4Address {
    /// The four bytes of `text`, or `nil` when it is not a dotted quad.
    static func bytes(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        return bytes.count == 4 ? bytes : nil
    }
}
