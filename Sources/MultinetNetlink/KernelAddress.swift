import MultinetCNI

/// One address on an interface as the kernel lists it (`RTM_NEWADDR`).
public struct KernelAddress: Sendable, Hashable {
    /// The index of the interface holding it.
    public var interfaceIndex: UInt32
    /// The address with its prefix length (`IFA_LOCAL`, else `IFA_ADDRESS`).
    public var prefix: IPAddressPrefix
    /// `ifa_scope`: 0 universe, 253 link (such as `fe80::/64`).
    public var scope: UInt8

    /// An address from its fields.
    public init(interfaceIndex: UInt32, prefix: IPAddressPrefix, scope: UInt8 = Netlink.Scope.universe) {
        self.interfaceIndex = interfaceIndex
        self.prefix = prefix
        self.scope = scope
    }

    /// The size of `struct ifaddrmsg`.
    static let fixedSize = 8

    /// Decodes an `RTM_NEWADDR` message of a dump. `nil` for a family other than IPv4 and
    /// IPv6; a truncated body, a missing address or one of the wrong size is malformed.
    init?(decoding message: NetlinkMessage) throws(NetlinkError) {
        guard message.type == Netlink.MessageType.newAddress else {
            throw .malformed("message type \(message.type) is not an address (RTM_NEWADDR)")
        }
        let payload = message.payload[...]
        let reader = NetlinkReader(payload)
        guard reader.has(Self.fixedSize, at: 0) else {
            throw .malformed("address message of \(payload.count) byte(s) is shorter than struct ifaddrmsg (\(Self.fixedSize))")
        }
        guard let family = IPAddress.Family(netlink: reader.u8(at: 0)) else { return nil }
        let attributes = try NetlinkAttribute.parse(payload.dropFirst(Self.fixedSize))
        guard let value = (attributes.first(Netlink.AddressAttribute.local) ?? attributes.first(Netlink.AddressAttribute.address))?.value else {
            throw .malformed("address message of interface \(reader.u32(at: 4)) carries no address")
        }
        guard value.count == family.bitCount / 8, let address = IPAddress(bytes: value),
              let prefix = IPAddressPrefix(address: address, prefixLength: Int(reader.u8(at: 1))) else {
            throw .malformed("address of \(value.count) byte(s) / \(reader.u8(at: 1)) is not an \(family.name) prefix")
        }
        self.init(interfaceIndex: reader.u32(at: 4), prefix: prefix, scope: reader.u8(at: 3))
    }
}
