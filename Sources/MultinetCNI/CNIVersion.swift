/// A CNI specification version such as `1.0.0`.
public struct CNIVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version.
    public var major: Int
    /// The minor version.
    public var minor: Int
    /// The patch version.
    public var patch: Int

    /// A version from its parts.
    public init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `MAJOR.MINOR.PATCH`; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let major = Int(parts[0]), let minor = Int(parts[1]), let patch = Int(parts[2]),
              major >= 0, minor >= 0, patch >= 0 else { return nil }
        self.init(major, minor, patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: CNIVersion, rhs: CNIVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    /// `0.3.0`.
    public static let v0_3_0 = CNIVersion(0, 3, 0)
    /// `0.3.1`.
    public static let v0_3_1 = CNIVersion(0, 3, 1)
    /// `0.4.0`, which introduced `CHECK`.
    public static let v0_4_0 = CNIVersion(0, 4, 0)
    /// `1.0.0`, which dropped `ips[].version`.
    public static let v1_0_0 = CNIVersion(1, 0, 0)
    /// `1.1.0`, which introduced `STATUS` and `GC`.
    public static let v1_1_0 = CNIVersion(1, 1, 0)

    /// The versions multinet speaks, oldest first.
    public static let supported: [CNIVersion] = [.v0_3_0, .v0_3_1, .v0_4_0, .v1_0_0, .v1_1_0]

    /// The newest version multinet speaks.
    public static let latest: CNIVersion = .v1_1_0

    /// Whether multinet speaks this version.
    public var isSupported: Bool { CNIVersion.supported.contains(self) }
}
