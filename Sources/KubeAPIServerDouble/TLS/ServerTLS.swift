import NIOCore
import NIOSSL

/// The TLS set-up of the double: the serving certificate, ALPN offering only `http/1.1`,
/// and client certificates requested but optional.
///
/// Client certificates are accepted at the TLS layer whoever signed them and checked by the
/// ``Authenticator``, as the apiserver does: a certificate from another CA gets a clean
/// 401, not a failed handshake.
enum ServerTLS {
    /// A server context for `serving`, advertising `authority` as the acceptable client CA.
    static func makeContext(serving: IssuedCertificate, authority: CertificateAuthority) throws -> NIOSSLContext {
        let certificate = try NIOSSLCertificate(bytes: Array(serving.certificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(serving.privateKeyPEM.utf8), format: .pem)
        let caCertificate = try NIOSSLCertificate(bytes: Array(authority.certificatePEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        configuration.applicationProtocols = ["http/1.1"]
        configuration.certificateVerification = .optionalVerification
        configuration.trustRoots = .certificates([caCertificate])
        configuration.sendCANameList = true
        return try NIOSSLContext(configuration: configuration)
    }

    /// The handler for one connection: client certificates pass the handshake and are
    /// verified later by the authenticator.
    static func makeHandler(context: NIOSSLContext) -> NIOSSLServerHandler {
        NIOSSLServerHandler(context: context) { _, promise in
            promise.succeed(.certificateVerified)
        }
    }
}
