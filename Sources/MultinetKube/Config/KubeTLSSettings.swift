/// How to secure the connection to an apiserver: whom to trust, which name to expect and
/// which client certificate to present. Certificates and keys are PEM bytes.
public struct KubeTLSSettings: Sendable, Equatable, CustomStringConvertible {
    /// The certificate authorities to trust (PEM, one or more); `nil` trusts the system's roots.
    public var certificateAuthorityPEM: [UInt8]?
    /// Whether not to verify the server's certificate at all.
    public var insecureSkipVerify: Bool
    /// The name to verify the server's certificate against (and send as SNI) instead of
    /// the server URL's host.
    public var serverName: String?
    /// A client certificate (PEM, leaf first) presented to the server.
    public var clientCertificatePEM: [UInt8]?
    /// The client certificate's private key (PEM).
    public var clientKeyPEM: [UInt8]?

    /// TLS settings.
    public init(certificateAuthorityPEM: [UInt8]? = nil, insecureSkipVerify: Bool = false, serverName: String? = nil,
                clientCertificatePEM: [UInt8]? = nil, clientKeyPEM: [UInt8]? = nil) {
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.insecureSkipVerify = insecureSkipVerify
        self.serverName = serverName
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
    }

    /// What is configured, without key material.
    public var description: String {
        var parts: [String] = []
        parts.append(insecureSkipVerify ? "no verification" : certificateAuthorityPEM == nil ? "system roots" : "custom CA")
        if let serverName { parts.append("server name \(serverName)") }
        if clientCertificatePEM != nil { parts.append("client certificate") }
        return parts.joined(separator: ", ")
    }
}
