internal import NIOCore
internal import NIOSSL

/// Builds NIOSSL configurations from ``KubeTLSSettings``.
enum KubeTLS {
    /// How long closing a connection waits for the server's `close_notify`. NIOSSL's
    /// default, 5 s, is what a plugin whose apiserver stopped answering paid after its
    /// request had already timed out, on top of `apiTimeoutSeconds`; nothing is lost by
    /// not waiting for a hung server.
    static let shutdownTimeout = TimeAmount.milliseconds(200)

    /// A client TLS configuration: trust the settings' CA (or the system roots), present
    /// its client certificate (or `clientCertificate`, from an exec plugin, instead).
    static func configuration(_ settings: KubeTLSSettings, clientCertificate: (certificate: [UInt8], key: [UInt8])?,
                              server: String) throws(KubeError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.shutdownTimeout = shutdownTimeout
        if settings.insecureSkipVerify {
            tls.certificateVerification = .none
        } else if let ca = settings.certificateAuthorityPEM {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            } catch {
                throw .invalidConfiguration(server: server, reason: "the certificate authority is not a PEM certificate")
            }
        }
        let pair: (certificate: [UInt8], key: [UInt8])?
        if let clientCertificate {
            pair = clientCertificate
        } else if let certificate = settings.clientCertificatePEM, let key = settings.clientKeyPEM {
            pair = (certificate, key)
        } else {
            pair = nil
        }
        if let pair {
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(pair.certificate).map { .certificate($0) }
            } catch {
                throw .invalidConfiguration(server: server, reason: "the client certificate is not a PEM certificate")
            }
            do {
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: pair.key, format: .pem))
            } catch {
                throw .invalidConfiguration(server: server, reason: "the client key is not a PEM private key")
            }
        }
        return tls
    }
}
