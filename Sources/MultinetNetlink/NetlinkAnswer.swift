/// Reads the kernel's answer to one request out of the messages that arrive, datagram by
/// datagram, ignoring messages that answer other requests (another sequence number).
///
/// A request with `NLM_F_ACK` ends with its `NLMSG_ERROR` (error 0: done). A dump ends
/// with `NLMSG_DONE`, its parts carrying `NLM_F_MULTI`; an `NLMSG_ERROR` instead is the
/// kernel refusing it, and a part flagged `NLM_F_DUMP_INTR` means the tables changed
/// under the dump, which is then to be repeated.
struct NetlinkAnswer {
    /// The request's sequence number.
    let sequence: UInt32
    /// What the request was, for error messages (`RTM_GETROUTE dump`).
    let request: String
    /// The dump's parts so far (for an acknowledged request, none).
    private(set) var parts: [NetlinkMessage] = []
    /// Whether a part said the dump was interrupted.
    private(set) var interrupted = false

    /// A reader for the answer to request `sequence`.
    init(sequence: UInt32, request: String) {
        self.sequence = sequence
        self.request = request
    }

    /// Takes one datagram's messages; `true` once the answer is complete. Throws the
    /// kernel's refusal as `.kernel`, and `.malformed` for an overrun or a bad acknowledgement.
    mutating func take(_ messages: [NetlinkMessage]) throws(NetlinkError) -> Bool {
        for message in messages where message.sequence == sequence {
            switch message.type {
            case Netlink.MessageType.error, Netlink.MessageType.done:
                let ack = try NetlinkAcknowledgement(decoding: message)
                guard ack.succeeded else { throw .kernel(request: request, errno: ack.errno, message: ack.message) }
                return true
            case Netlink.MessageType.noop:
                continue
            case Netlink.MessageType.overrun:
                throw .malformed("the kernel reported an overrun answering \(request)")
            default:
                if message.flags & Netlink.Flags.dumpInterrupted != 0 { interrupted = true }
                parts.append(message)
            }
        }
        return false
    }
}
