/// A user that authenticates with HTTP basic authentication.
public struct BasicAccount: Sendable, Hashable {
    /// The password that must accompany the user name.
    public var password: String
    /// The user the credentials authenticate as.
    public var user: KubeUser

    /// An account.
    public init(password: String, user: KubeUser) {
        self.password = password
        self.user = user
    }
}
