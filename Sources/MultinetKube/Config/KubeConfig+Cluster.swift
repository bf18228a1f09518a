extension KubeConfig {
    /// A `clusters[].cluster` entry: where the apiserver is and how to trust it.
    public struct Cluster: Sendable, Equatable {
        /// The entry's name.
        public var name: String
        /// `server`: the apiserver's URL.
        public var server: String
        /// `certificate-authority`: a PEM file, as an absolute path.
        public var certificateAuthority: String?
        /// `certificate-authority-data`, decoded (PEM).
        public var certificateAuthorityData: [UInt8]?
        /// `insecure-skip-tls-verify`.
        public var insecureSkipTLSVerify: Bool
        /// `tls-server-name`: the name to verify the server's certificate against (and send as SNI).
        public var tlsServerName: String?
        /// The kubeconfig file the entry came from.
        public var source: String

        /// A cluster entry.
        public init(name: String, server: String, certificateAuthority: String? = nil,
                    certificateAuthorityData: [UInt8]? = nil, insecureSkipTLSVerify: Bool = false,
                    tlsServerName: String? = nil, source: String) {
            self.name = name
            self.server = server
            self.certificateAuthority = certificateAuthority
            self.certificateAuthorityData = certificateAuthorityData
            self.insecureSkipTLSVerify = insecureSkipTLSVerify
            self.tlsServerName = tlsServerName
            self.source = source
        }
    }
}
