import FoundationEssentials

extension KubeAPIServer {
    /// The text of a kubeconfig for this server with everything embedded (CA and client
    /// certificate as `…-data`).
    ///
    /// - Parameters:
    ///   - credential: how the user authenticates (the default token by default).
    ///   - format: YAML or JSON.
    ///   - name: the cluster, user and context name (the context is the current one).
    ///   - namespace: the context's namespace, if any.
    public func kubeconfig(
        credential: KubeconfigCredential? = nil, format: KubeconfigFormat = .yaml, name: String = "double",
        namespace: String? = nil
    ) throws -> String {
        try document(credential: credential ?? .token(token), name: name, namespace: namespace, files: nil).rendered(format)
    }

    /// Writes a kubeconfig for this server to `path` and returns `path`.
    ///
    /// With `embedCertificates: false` the CA (and a client certificate and key) are written
    /// next to it as `NAME-ca.crt`, `NAME-client.crt`, `NAME-client.key` and referenced by
    /// relative paths, which clients must resolve against the kubeconfig's directory.
    @discardableResult
    public func writeKubeconfig(
        to path: String, credential: KubeconfigCredential? = nil, format: KubeconfigFormat = .yaml,
        embedCertificates: Bool = true, name: String = "double", namespace: String? = nil
    ) throws -> String {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let files = embedCertificates ? nil : (directory.isEmpty && path.hasPrefix("/") ? "/" : directory)
        let text = try document(credential: credential ?? .token(token), name: name, namespace: namespace, files: files)
            .rendered(format)
        try Self.write(text, to: path)
        return path
    }

    /// Builds the document; with `files` set (a directory), certificates are written there.
    private func document(
        credential: KubeconfigCredential, name: String, namespace: String?, files: String?
    ) throws -> KubeconfigDocument {
        func material(_ text: String, fileName: String) throws -> KubeconfigDocument.Material {
            guard let files else { return .data(text) }
            try Self.write(text, to: (files.isEmpty ? "" : files + "/") + fileName, mode: 0o600)
            return .file(fileName)
        }
        var user = KubeJSON.Object()
        switch credential {
        case .token(let token):
            user["token"] = .string(token)
        case .tokenFile(let file):
            user["tokenFile"] = .string(file)
        case .basic(let username, let password):
            user["username"] = .string(username)
            user["password"] = .string(password)
        case .clientCertificate(let userName, let groups):
            let issued = try issueClientCertificate(user: userName, groups: groups)
            switch try material(issued.certificatePEM, fileName: "\(userName)-client.crt") {
            case .data(let pem): user["client-certificate-data"] = .string(KubeconfigDocument.base64(pem))
            case .file(let file): user["client-certificate"] = .string(file)
            }
            switch try material(issued.privateKeyPEM, fileName: "\(userName)-client.key") {
            case .data(let pem): user["client-key-data"] = .string(KubeconfigDocument.base64(pem))
            case .file(let file): user["client-key"] = .string(file)
            }
        case .none:
            break
        }
        return KubeconfigDocument(
            name: name, server: url, certificateAuthority: try material(caPEM, fileName: "\(name)-ca.crt"),
            namespace: namespace, user: user)
    }

    private static func write(_ text: String, to path: String, mode: Int = 0o600) throws {
        try Data(text.utf8).write(to: URL(filePath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}
