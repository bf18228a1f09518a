/// How the user of a written kubeconfig authenticates.
public enum KubeconfigCredential: Sendable, Equatable {
    /// `token: TOKEN`.
    case token(String)
    /// `tokenFile: PATH` (the file is not written; the test writes and rotates it).
    case tokenFile(String)
    /// `username` and `password`.
    case basic(username: String, password: String)
    /// A client certificate issued by the server's CA for `user` in `groups`, embedded as
    /// `client-certificate-data`/`client-key-data`, or written next to the kubeconfig as
    /// `NAME.crt`/`NAME.key` and referenced by relative path when not embedded.
    case clientCertificate(user: String, groups: [String])
    /// No credentials at all (requests are anonymous and get 401).
    case none
}

/// The file format of a written kubeconfig.
public enum KubeconfigFormat: Sendable, Equatable {
    /// YAML, as kubectl writes it.
    case yaml
    /// JSON (kubectl reads both).
    case json
}
