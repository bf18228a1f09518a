/// One `rtattr`/`nlattr`: a 4-byte header (length, type) and a value, padded to 4 bytes.
public struct NetlinkAttribute: Sendable, Equatable {
    /// The size of the attribute header.
    public static let headerSize = 4
    /// `NLA_F_NESTED | NLA_F_NET_BYTEORDER`: flag bits of the type, not part of it.
    static let typeFlags: UInt16 = 0xC000

    /// The attribute type (`RTA_*`, `IFLA_*`, `IFA_*`), flag bits removed.
    public var type: UInt16
    /// The value, without padding.
    public var value: [UInt8]

    /// An attribute with a raw value.
    public init(type: UInt16, value: [UInt8]) {
        self.type = type
        self.value = value
    }

    /// An attribute holding a 32-bit integer in host order.
    public init(type: UInt16, u32: UInt32) {
        var writer = NetlinkWriter()
        writer.u32(u32)
        self.init(type: type, value: writer.bytes)
    }

    /// An attribute holding a NUL-terminated string.
    public init(type: UInt16, string: String) {
        self.init(type: type, value: Array(string.utf8) + [0])
    }

    /// The value as a 32-bit integer; `nil` unless it is exactly 4 bytes.
    public var u32: UInt32? {
        guard value.count == 4 else { return nil }
        return NetlinkReader(value[...]).u32(at: 0)
    }

    /// The value as a string, up to its first NUL; `nil` when it is not UTF-8.
    public var string: String? {
        let text = value.prefix { $0 != 0 }
        return String(validating: text, as: UTF8.self)
    }

    /// The attribute as sent, padded.
    public var encoded: [UInt8] {
        var writer = NetlinkWriter()
        writer.u16(UInt16(Self.headerSize + value.count))
        writer.u16(type)
        writer.raw(value)
        writer.pad()
        return writer.bytes
    }

    /// Attributes one after another, each padded.
    public static func encode(_ attributes: [NetlinkAttribute]) -> [UInt8] {
        attributes.flatMap(\.encoded)
    }

    /// The attributes in `bytes` (what follows a message's fixed part). Each must have a
    /// whole header and a length that covers it and fits; the last may omit its padding.
    public static func parse(_ bytes: ArraySlice<UInt8>) throws(NetlinkError) -> [NetlinkAttribute] {
        let reader = NetlinkReader(bytes)
        var attributes: [NetlinkAttribute] = []
        var offset = 0
        while offset < bytes.count {
            guard reader.has(headerSize, at: offset) else {
                throw .malformed("\(bytes.count - offset) byte(s) at attribute offset \(offset) are too short for an attribute header")
            }
            let length = Int(reader.u16(at: offset))
            let type = reader.u16(at: offset + 2) & ~typeFlags
            guard length >= headerSize else {
                throw .malformed("attribute \(type) at offset \(offset) declares length \(length), less than its header")
            }
            guard reader.has(length, at: offset) else {
                throw .malformed("attribute \(type) at offset \(offset) declares length \(length), but only \(bytes.count - offset) byte(s) are left")
            }
            let start = bytes.startIndex + offset
            attributes.append(NetlinkAttribute(type: type, value: Array(bytes[(start + headerSize)..<(start + length)])))
            offset += Netlink.aligned(length)
        }
        return attributes
    }
}

extension Array where Element == NetlinkAttribute {
    /// The first attribute of `type`, if any.
    func first(_ type: UInt16) -> NetlinkAttribute? {
        first { $0.type == type }
    }
}
