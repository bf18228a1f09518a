/// An IPv4 or IPv6 address, as the CNI result's `gateway`, `gw` and prefix fields carry it.
///
/// The family is the one the address was written in: `::ffff:10.0.0.1` is an IPv6 address
/// (an IPv4-mapped one), not an IPv4 address.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address family.
    public enum Family: Sendable, Hashable, CaseIterable {
        /// IPv4: 32 bits.
        case v4
        /// IPv6: 128 bits.
        case v6

        /// The number of bits in an address of this family: 32 or 128.
        public var bitCount: Int { self == .v4 ? 32 : 128 }

        /// The `ips[].version` value of CNI results before 1.0.0: `"4"` or `"6"`.
        public var cniVersionString: String { self == .v4 ? "4" : "6" }

        /// The family named by a CNI `ips[].version` value, `nil` for anything but `"4"` or `"6"`.
        public init?(cniVersionString: String) {
            switch cniVersionString {
            case "4": self = .v4
            case "6": self = .v6
            default: return nil
            }
        }

        /// `IPv4` or `IPv6`, for messages.
        public var name: String { self == .v4 ? "IPv4" : "IPv6" }
    }

    /// The address in network byte order: 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    /// An address from its bytes in network order; `nil` unless there are 4 or 16.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// The address family, from the number of bytes.
    public var family: Family { bytes.count == 4 ? .v4 : .v6 }
}

extension IPAddress {
    /// `0.0.0.0` or `::`.
    public static func zero(_ family: Family) -> IPAddress {
        IPAddress(bytes: Array(repeating: 0, count: family.bitCount / 8))!
    }
}
