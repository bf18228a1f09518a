import MultinetSystem

extension ClusterConnection {
    /// Where Kubernetes mounts a pod's service account: `token`, `ca.crt`, `namespace`.
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// The in-cluster configuration, as client-go builds it: the apiserver from
    /// `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT`, trusting `ca.crt`,
    /// authenticating with `token` (re-read before every request, since projected tokens
    /// rotate), in the namespace from `namespace` (or `default`).
    ///
    /// - Parameter serviceAccountDirectory: where `token`, `ca.crt` and `namespace` are;
    ///   tests point it at a directory of their own.
    public static func inCluster(
        environment: [String: String],
        serviceAccountDirectory: String = ClusterConnection.serviceAccountDirectory
    ) throws(KubeConfigError) -> ClusterConnection {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let portText = environment["KUBERNETES_SERVICE_PORT"], !portText.isEmpty else {
            throw .inCluster(reason: "KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be set")
        }
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw .inCluster(reason: "KUBERNETES_SERVICE_PORT \"\(portText)\" is not a port number")
        }
        let tokenPath = serviceAccountDirectory + "/token"
        let caPath = serviceAccountDirectory + "/ca.crt"
        _ = try read(tokenPath, what: "the service account token")
        let ca = try read(caPath, what: "the service account CA certificate")
        do {
            try KubeConfig.checkCertificates(ca, path: caPath, key: "ca.crt")
        } catch {
            throw .inCluster(reason: "\(caPath) does not hold a PEM certificate")
        }
        var namespace = "default"
        if let bytes = try? FileSystem.read(serviceAccountDirectory + "/namespace", limit: 4096) {
            let text = String(decoding: bytes, as: UTF8.self).trimmingBlanks()
            if !text.isEmpty { namespace = text }
        }
        let bracketless = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return ClusterConnection(
            server: KubeServerURL(scheme: "https", host: bracketless, port: port),
            tls: KubeTLSSettings(certificateAuthorityPEM: ca),
            credentials: .tokenFile(path: tokenPath, fallback: nil),
            namespace: namespace,
            source: "in-cluster service account \(serviceAccountDirectory)"
        )
    }

    private static func read(_ path: String, what: String) throws(KubeConfigError) -> [UInt8] {
        do {
            return try FileSystem.read(path, limit: 1 << 20)
        } catch {
            throw .inCluster(reason: "cannot read \(what) \(path): \(KubeConfigPath.reason(error))")
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !blanks.contains($0) }),
              let last = bytes.lastIndex(where: { !blanks.contains($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
