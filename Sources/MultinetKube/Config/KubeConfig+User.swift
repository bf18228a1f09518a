extension KubeConfig {
    /// A `users[].user` entry (kubectl's `AuthInfo`): how to authenticate.
    ///
    /// Its description names which methods are set but never their secrets.
    public struct User: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
        /// The entry's name.
        public var name: String
        /// `token`: a bearer token.
        public var token: String?
        /// `tokenFile`: a file holding a bearer token, re-read on every request (projected
        /// service-account tokens rotate), as an absolute path.
        public var tokenFile: String?
        /// `client-certificate`: a PEM file, as an absolute path.
        public var clientCertificate: String?
        /// `client-key`: a PEM file, as an absolute path.
        public var clientKey: String?
        /// `client-certificate-data`, decoded (PEM).
        public var clientCertificateData: [UInt8]?
        /// `client-key-data`, decoded (PEM).
        public var clientKeyData: [UInt8]?
        /// `username` for basic authentication.
        public var username: String?
        /// `password` for basic authentication.
        public var password: String?
        /// `exec`: a credential plugin.
        public var exec: KubeExecConfig?
        /// `auth-provider`'s name; legacy providers are not supported, and naming one is an error.
        public var authProvider: String?
        /// The kubeconfig file the entry came from.
        public var source: String

        /// A user entry with no credentials.
        public init(name: String, source: String) {
            self.name = name
            self.source = source
        }

        /// The entry's name and which kinds of credentials it holds, without their values.
        public var description: String {
            var kinds: [String] = []
            if token != nil { kinds.append("token") }
            if tokenFile != nil { kinds.append("tokenFile") }
            if clientCertificate != nil || clientCertificateData != nil { kinds.append("client certificate") }
            if username != nil { kinds.append("basic") }
            if exec != nil { kinds.append("exec") }
            if let authProvider { kinds.append("auth-provider \(authProvider)") }
            return "user \"\(name)\" (\(kinds.isEmpty ? "no credentials" : kinds.joined(separator: ", ")))"
        }

        /// Same as ``description``: secrets never appear in logs or test output.
        public var debugDescription: String { description }
    }
}
