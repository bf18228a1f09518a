/// How requests authenticate, besides a TLS client certificate.
public enum KubeCredentials: Sendable, Equatable, CustomStringConvertible {
    /// No `Authorization` header.
    case none
    /// A fixed bearer token.
    case token(String)
    /// A bearer token read from `path` before every request (projected tokens rotate);
    /// `fallback` is used when the file cannot be read (kubeconfig `token` beside `tokenFile`).
    case tokenFile(path: String, fallback: String?)
    /// HTTP basic authentication.
    case basic(username: String, password: String)
    /// A credential plugin run on demand; its `ExecCredential` is cached until it expires
    /// or the server answers 401.
    case exec(KubeExecConfig, kubeconfig: String)

    /// The kind of credentials, never their values.
    public var description: String {
        switch self {
        case .none: "no credentials"
        case .token: "bearer token"
        case .tokenFile(let path, _): "bearer token from \(path)"
        case .basic(let username, _): "basic authentication as \(username)"
        case .exec(let config, _): config.description
        }
    }
}
