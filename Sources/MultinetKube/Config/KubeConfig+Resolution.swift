internal import NIOSSL
import MultinetSystem

extension KubeConfig {
    /// Resolves a context (by default `current-context`) into a connection, reading the
    /// certificate files it names.
    ///
    /// Throws when the context, its cluster or its user is missing, when a referenced file
    /// cannot be read, or when settings contradict each other; each error names the
    /// kubeconfig file and the key.
    public func connection(context chosen: String? = nil) throws(KubeConfigError) -> ClusterConnection {
        guard let name = chosen ?? currentContext, !name.isEmpty else { throw .noContext(paths: paths) }
        guard let context = contexts[name] else { throw .unknownContext(name: name, paths: paths) }
        guard let cluster = clusters[context.cluster] else {
            throw .unknownCluster(context: name, cluster: context.cluster, paths: paths)
        }
        var user: User?
        if !context.user.isEmpty {
            guard let found = users[context.user] else {
                throw .unknownUser(context: name, user: context.user, paths: paths)
            }
            user = found
        }
        let server = try Self.server(of: cluster)
        var tls = try Self.trust(of: cluster)
        var credentials = KubeCredentials.none
        if let user {
            (tls.clientCertificatePEM, tls.clientKeyPEM) = try Self.clientCertificate(of: user)
            credentials = try Self.credentials(of: user)
        }
        return ClusterConnection(server: server, tls: tls, credentials: credentials,
                                 namespace: context.namespace ?? "default",
                                 source: "kubeconfig \(context.source), context \"\(name)\"")
    }

    private static func server(of cluster: Cluster) throws(KubeConfigError) -> KubeServerURL {
        let key = "cluster \"\(cluster.name)\": server"
        guard !cluster.server.isEmpty else { throw .invalidValue(path: cluster.source, key: key, reason: "not set") }
        guard let url = KubeServerURL(parsing: cluster.server) else {
            throw .invalidValue(path: cluster.source, key: key,
                                reason: "\"\(cluster.server)\" is not an http(s)://host[:port] URL")
        }
        return url
    }

    private static func trust(of cluster: Cluster) throws(KubeConfigError) -> KubeTLSSettings {
        let key = "cluster \"\(cluster.name)\""
        var tls = KubeTLSSettings(insecureSkipVerify: cluster.insecureSkipTLSVerify, serverName: cluster.tlsServerName)
        if let data = cluster.certificateAuthorityData {
            tls.certificateAuthorityPEM = data
            try checkCertificates(data, path: cluster.source, key: key + ": certificate-authority-data")
        } else if let file = cluster.certificateAuthority {
            let bytes = try readReferenced(file, path: cluster.source, key: key + ": certificate-authority")
            try checkCertificates(bytes, path: cluster.source, key: key + ": certificate-authority \(file)")
            tls.certificateAuthorityPEM = bytes
        }
        if tls.insecureSkipVerify, tls.certificateAuthorityPEM != nil {
            throw .invalidValue(path: cluster.source, key: key + ": insecure-skip-tls-verify",
                                reason: "cannot be combined with a certificate authority; remove one of them")
        }
        return tls
    }

    private static func clientCertificate(of user: User) throws(KubeConfigError) -> ([UInt8]?, [UInt8]?) {
        let key = "user \"\(user.name)\""
        var certificate = user.clientCertificateData
        if certificate == nil, let file = user.clientCertificate {
            certificate = try readReferenced(file, path: user.source, key: key + ": client-certificate")
        }
        var privateKey = user.clientKeyData
        if privateKey == nil, let file = user.clientKey {
            privateKey = try readReferenced(file, path: user.source, key: key + ": client-key")
        }
        switch (certificate, privateKey) {
        case (nil, nil):
            return (nil, nil)
        case (let certificate?, let privateKey?):
            try checkCertificates(certificate, path: user.source,
                                  key: key + (user.clientCertificateData != nil ? ": client-certificate-data" : ": client-certificate"))
            try checkPrivateKey(privateKey, path: user.source,
                                key: key + (user.clientKeyData != nil ? ": client-key-data" : ": client-key"))
            return (certificate, privateKey)
        case (_?, nil):
            throw .invalidValue(path: user.source, key: key, reason: "client-certificate is set but client-key is not")
        case (nil, _?):
            throw .invalidValue(path: user.source, key: key, reason: "client-key is set but client-certificate is not")
        }
    }

    private static func credentials(of user: User) throws(KubeConfigError) -> KubeCredentials {
        let key = "user \"\(user.name)\""
        if let provider = user.authProvider {
            throw .invalidValue(path: user.source, key: key + ": auth-provider",
                                reason: "\"\(provider)\" is not supported; use an exec credential plugin")
        }
        if (user.token != nil || user.tokenFile != nil), user.username != nil {
            throw .invalidValue(path: user.source, key: key,
                                reason: "username/password and a token cannot both be set")
        }
        if let exec = user.exec { return .exec(exec, kubeconfig: user.source) }
        if let file = user.tokenFile {
            // Fail early and clearly; the file is read again before every request.
            if user.token == nil { _ = try readReferenced(file, path: user.source, key: key + ": tokenFile") }
            return .tokenFile(path: file, fallback: user.token)
        }
        if let token = user.token { return .token(token) }
        if let username = user.username { return .basic(username: username, password: user.password ?? "") }
        return .none
    }

    static func readReferenced(_ file: String, path: String, key: String) throws(KubeConfigError) -> [UInt8] {
        do {
            return try FileSystem.read(file, limit: 1 << 20)
        } catch {
            throw .referencedFileUnreadable(path: path, key: key, file: file, reason: KubeConfigPath.reason(error))
        }
    }

    static func checkCertificates(_ pem: [UInt8], path: String, key: String) throws(KubeConfigError) {
        let certificates = try? NIOSSLCertificate.fromPEMBytes(pem)
        guard let certificates, !certificates.isEmpty else {
            throw .invalidValue(path: path, key: key, reason: "does not hold a PEM certificate")
        }
    }

    static func checkPrivateKey(_ pem: [UInt8], path: String, key: String) throws(KubeConfigError) {
        guard (try? NIOSSLPrivateKey(bytes: pem, format: .pem)) != nil else {
            throw .invalidValue(path: path, key: key, reason: "does not hold a PEM private key")
        }
    }
}
