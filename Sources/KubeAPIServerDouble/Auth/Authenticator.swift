import FoundationEssentials
import X509

/// Decides who sent a request, as the apiserver's authenticators do: a client certificate
/// the CA signed (common name = user, organizations = groups), else an
/// `Authorization: Bearer` token or `Authorization: Basic` credentials from the
/// configured sets. Anything else is anonymous, which the double rejects with 401.
struct Authenticator: Sendable {
    var tokens: [String: KubeUser]
    var basicAccounts: [String: BasicAccount]
    var certificateAuthority: CertificateAuthority

    /// The user, or `nil` for 401 `Unauthorized`.
    ///
    /// - Parameters:
    ///   - authorization: the `Authorization` header, if any.
    ///   - clientCertificate: the certificate the client presented in the TLS handshake.
    ///   - now: the time to check the certificate's validity against.
    func authenticate(authorization: String?, clientCertificate: Certificate?, now: Date = Date()) -> KubeUser? {
        if let clientCertificate, certificateAuthority.hasIssued(clientCertificate, at: now),
           let user = ClientCertificateIdentity.user(of: clientCertificate) {
            return user
        }
        guard let authorization else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let credentials = parts[1].trimmingSpaces
        switch parts[0].lowercased() {
        case "bearer":
            return tokens[credentials]
        case "basic":
            guard let data = Data(base64Encoded: credentials) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let name = String(text[..<colon])
            let password = String(text[text.index(after: colon)...])
            guard let account = basicAccounts[name], account.password == password else { return nil }
            return account.user
        default:
            return nil
        }
    }
}
