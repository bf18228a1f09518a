import X509

/// A certificate and its private key, as PEM.
public struct IssuedCertificate: Sendable {
    /// The parsed certificate.
    public let certificate: Certificate
    /// The certificate, PEM (`-----BEGIN CERTIFICATE-----`).
    public let certificatePEM: String
    /// The P-256 private key, PKCS #8 PEM (`-----BEGIN PRIVATE KEY-----`).
    public let privateKeyPEM: String
}
