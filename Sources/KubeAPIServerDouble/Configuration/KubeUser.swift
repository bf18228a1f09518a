/// An authenticated user, as the apiserver sees it: a name and groups.
public struct KubeUser: Sendable, Hashable, CustomStringConvertible {
    /// The user name (a client certificate's common name).
    public var name: String
    /// The groups (a client certificate's organizations).
    public var groups: [String]

    /// A user.
    public init(name: String, groups: [String] = []) {
        self.name = name
        self.groups = groups
    }

    /// `admin` in `system:masters`, the user of the default token.
    public static let admin = KubeUser(name: "admin", groups: ["system:masters"])

    /// The name.
    public var description: String { name }
}
