/// An address with a prefix length in CIDR notation, such as `10.1.0.5/16` or `fd00::5/64`:
/// the form of a CNI result's `ips[].address` and `routes[].dst`.
///
/// The address keeps its host bits, as the CNI Go types do: `10.1.0.5/16` is the interface
/// address 10.1.0.5 on the network 10.1.0.0/16.
public struct IPAddressPrefix: Sendable, Hashable, CustomStringConvertible {
    /// The address, host bits included.
    public let address: IPAddress
    /// The number of leading network bits: 0–32 for IPv4, 0–128 for IPv6.
    public let prefixLength: Int

    /// A prefix from its parts; `nil` when the length does not fit the address family.
    public init?(address: IPAddress, prefixLength: Int) {
        guard prefixLength >= 0, prefixLength <= address.family.bitCount else { return nil }
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Parses `ADDRESS/LENGTH`; `nil` for anything else, including an address without a length.
    /// The length is decimal without leading zeros.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(String(parts[0])) else { return nil }
        let length = parts[1].utf8
        guard (1...3).contains(length.count),
              length.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              length.count == 1 || length.first != UInt8(ascii: "0"),
              let prefixLength = Int(parts[1]) else { return nil }
        self.init(address: address, prefixLength: prefixLength)
    }

    /// The address family.
    public var family: IPAddress.Family { address.family }

    /// `ADDRESS/LENGTH` with the address in its canonical form.
    public var description: String { "\(address)/\(prefixLength)" }

    /// `0.0.0.0/0` or `::/0`: the destination of a default route.
    public static func anyDestination(_ family: IPAddress.Family) -> IPAddressPrefix {
        IPAddressPrefix(address: IPAddress.zero(family), prefixLength: 0)!
    }
}
