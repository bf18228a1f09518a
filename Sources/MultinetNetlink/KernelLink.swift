/// One network interface as the kernel lists it (`RTM_NEWLINK`).
public struct KernelLink: Sendable, Hashable {
    /// The interface index.
    public var index: UInt32
    /// The name (`IFLA_IFNAME`).
    public var name: String
    /// The hardware address, lower-case and colon-separated, when it has one (`IFLA_ADDRESS`).
    public var mac: String?
    /// The MTU (`IFLA_MTU`).
    public var mtu: UInt32?
    /// `ifi_flags` (`IFF_UP` is bit 0).
    public var flags: UInt32

    /// A link from its fields.
    public init(index: UInt32, name: String, mac: String? = nil, mtu: UInt32? = nil, flags: UInt32 = 0) {
        self.index = index
        self.name = name
        self.mac = mac
        self.mtu = mtu
        self.flags = flags
    }

    /// Whether the interface is administratively up (`IFF_UP`).
    public var isUp: Bool { flags & 1 != 0 }

    /// The size of `struct ifinfomsg`.
    static let fixedSize = 16

    /// Decodes an `RTM_NEWLINK` message of a dump; a truncated body or a link without a
    /// name is malformed.
    init(decoding message: NetlinkMessage) throws(NetlinkError) {
        guard message.type == Netlink.MessageType.newLink else {
            throw .malformed("message type \(message.type) is not a link (RTM_NEWLINK)")
        }
        let payload = message.payload[...]
        let reader = NetlinkReader(payload)
        guard reader.has(Self.fixedSize, at: 0) else {
            throw .malformed("link message of \(payload.count) byte(s) is shorter than struct ifinfomsg (\(Self.fixedSize))")
        }
        let attributes = try NetlinkAttribute.parse(payload.dropFirst(Self.fixedSize))
        guard let name = attributes.first(Netlink.LinkAttribute.name)?.string, !name.isEmpty else {
            throw .malformed("link \(reader.i32(at: 4)) has no name")
        }
        let hardware = attributes.first(Netlink.LinkAttribute.address)?.value ?? []
        self.init(index: UInt32(bitPattern: reader.i32(at: 4)), name: name,
                  mac: hardware.isEmpty ? nil : Self.macText(hardware),
                  mtu: attributes.first(Netlink.LinkAttribute.mtu)?.u32, flags: reader.u32(at: 8))
    }

    /// `aa:bb:cc:00:00:01`.
    static func macText(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: ":")
    }
}
