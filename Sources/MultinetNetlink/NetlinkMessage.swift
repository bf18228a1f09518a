/// One netlink message: the 16-byte `nlmsghdr` and its payload.
public struct NetlinkMessage: Sendable, Equatable {
    /// The size of `nlmsghdr`.
    public static let headerSize = 16

    /// `nlmsg_type`: `NLMSG_*` or `RTM_*`.
    public var type: UInt16
    /// `nlmsg_flags`: `NLM_F_*`.
    public var flags: UInt16
    /// `nlmsg_seq`: matches an answer to its request.
    public var sequence: UInt32
    /// `nlmsg_pid`: the sender's port (0 for the kernel; 0 in requests, which the kernel fills).
    public var portID: UInt32
    /// Everything after the header, without the trailing padding.
    public var payload: [UInt8]

    /// A message from its fields.
    public init(type: UInt16, flags: UInt16, sequence: UInt32 = 0, portID: UInt32 = 0, payload: [UInt8] = []) {
        self.type = type
        self.flags = flags
        self.sequence = sequence
        self.portID = portID
        self.payload = payload
    }

    /// The message as sent: header (with `nlmsg_len` = header + payload) and payload,
    /// padded to the netlink alignment.
    public var encoded: [UInt8] {
        var writer = NetlinkWriter()
        writer.u32(UInt32(Self.headerSize + payload.count))
        writer.u16(type)
        writer.u16(flags)
        writer.u32(sequence)
        writer.u32(portID)
        writer.raw(payload)
        writer.pad()
        return writer.bytes
    }

    /// The messages of one received datagram, in order. Each must have a whole header, a
    /// length that covers it and fits in what is left; the last may omit its padding.
    public static func split(_ datagram: some Collection<UInt8>) throws(NetlinkError) -> [NetlinkMessage] {
        let bytes = Array(datagram)
        var messages: [NetlinkMessage] = []
        var offset = 0
        let reader = NetlinkReader(bytes[...])
        while offset < bytes.count {
            guard reader.has(headerSize, at: offset) else {
                throw .malformed("\(bytes.count - offset) byte(s) at offset \(offset) are too short for a message header")
            }
            let length = Int(reader.u32(at: offset))
            guard length >= headerSize else {
                throw .malformed("message at offset \(offset) declares length \(length), less than its header")
            }
            guard reader.has(length, at: offset) else {
                throw .malformed("message at offset \(offset) declares length \(length), but only \(bytes.count - offset) byte(s) arrived")
            }
            messages.append(NetlinkMessage(
                type: reader.u16(at: offset + 4), flags: reader.u16(at: offset + 6),
                sequence: reader.u32(at: offset + 8), portID: reader.u32(at: offset + 12),
                payload: Array(bytes[(offset + headerSize)..<(offset + length)])))
            offset += Netlink.aligned(length)
        }
        return messages
    }
}
