/// What an `NLMSG_ERROR` (or the `NLMSG_DONE` ending a dump) says: success when `errno` is
/// 0, else the kernel's `errno` and, with extended acknowledgements, its own text.
///
/// Layout (`struct nlmsgerr`): a negative errno as `int`, the request's `nlmsghdr` (and its
/// payload, unless `NLM_F_CAPPED`), then attributes when `NLM_F_ACK_TLVS` is set.
public struct NetlinkAcknowledgement: Sendable, Equatable {
    /// The positive errno, 0 for success.
    public var errno: Int32
    /// The kernel's explanation (`NLMSGERR_ATTR_MSG`), when it gave one.
    public var message: String?

    /// An acknowledgement from its fields.
    public init(errno: Int32, message: String? = nil) {
        self.errno = errno
        self.message = message
    }

    /// Whether the request succeeded.
    public var succeeded: Bool { errno == 0 }

    /// Decodes an `NLMSG_ERROR` or `NLMSG_DONE` message; any other type, or a payload too
    /// short for its layout, is malformed.
    public init(decoding message: NetlinkMessage) throws(NetlinkError) {
        let payload = message.payload[...]
        let reader = NetlinkReader(payload)
        guard reader.has(4, at: 0) else {
            throw .malformed("acknowledgement of \(payload.count) byte(s) has no error code")
        }
        let code = reader.i32(at: 0)
        guard code <= 0 else { throw .malformed("acknowledgement carries a positive error code \(code)") }
        var attributesAt = 4
        switch message.type {
        case Netlink.MessageType.error:
            guard reader.has(NetlinkMessage.headerSize, at: 4) else {
                throw .malformed("error acknowledgement of \(payload.count) byte(s) lacks the request's header")
            }
            if message.flags & Netlink.Flags.capped != 0 {
                attributesAt = 4 + NetlinkMessage.headerSize
            } else {
                let requestLength = Int(reader.u32(at: 4))
                guard requestLength >= NetlinkMessage.headerSize else {
                    throw .malformed("error acknowledgement quotes a request of length \(requestLength)")
                }
                attributesAt = 4 + Netlink.aligned(requestLength)
            }
        case Netlink.MessageType.done:
            break
        default:
            throw .malformed("message type \(message.type) is not an acknowledgement")
        }
        var text: String?
        if message.flags & Netlink.Flags.ackAttributes != 0, attributesAt < payload.count {
            let attributes = try NetlinkAttribute.parse(payload[(payload.startIndex + attributesAt)...])
            text = attributes.first(Netlink.errorAttributeMessage)?.string.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.init(errno: -code, message: text)
    }
}
