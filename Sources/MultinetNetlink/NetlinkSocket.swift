#if canImport(Glibc)
import Glibc
#endif
import MultinetSystem

/// A `NETLINK_ROUTE` socket: requests to the kernel and their answers, one at a time.
///
/// The socket talks to the network namespace it was created in, whichever thread later
/// uses it: ``open(inNamespaceAt:)`` creates one inside a pod's namespace. Answers are read
/// only from the kernel (sender port 0) and matched to their request by sequence number.
public final class NetlinkSocket {
    /// How long one answer may take.
    static let answerTimeoutSeconds = 5
    /// How often an interrupted dump is repeated before giving up.
    static let dumpAttempts = 5
    /// The receive buffer: larger than any datagram the kernel sends for a dump part.
    static let receiveBufferSize = 64 * 1024

    private let descriptor: Int32
    private var nextSequence: UInt32

    /// A socket in the calling thread's network namespace.
    public convenience init() throws(NetlinkError) {
        let descriptor = socket(Netlink.addressFamily, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), Netlink.protocolRoute)
        guard descriptor >= 0 else { throw .system(call: "socket(AF_NETLINK, NETLINK_ROUTE)", errno: errno) }
        self.init(descriptor: descriptor)
    }

    /// Takes over an open `NETLINK_ROUTE` socket: asks for extended, capped acknowledgements
    /// (ignored by kernels without them) and bounds the wait for an answer.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        var on: Int32 = 1
        _ = setsockopt(descriptor, Netlink.socketOptionLevel, Netlink.optionExtendedAck, &on, socklen_t(MemoryLayout<Int32>.size))
        _ = setsockopt(descriptor, Netlink.socketOptionLevel, Netlink.optionCapAck, &on, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: Self.answerTimeoutSeconds, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // Sequence numbers only need to differ from other requests on this socket; starting
        // from the clock keeps a stale answer of a closed socket with the same port apart.
        nextSequence = UInt32(truncatingIfNeeded: MonotonicClock.nanoseconds() >> 10) | 1
    }

    deinit {
        close(descriptor)
    }

    /// Sends `request` and waits for its acknowledgement; the kernel's refusal is thrown.
    public func acknowledged(_ request: NetlinkMessage, describing name: String) throws(NetlinkError) {
        var answer = NetlinkAnswer(sequence: try send(request), request: name)
        while try !answer.take(receive(for: name)) {}
    }

    /// Sends a dump request and returns its parts, repeating the dump when the kernel says
    /// the tables changed under it.
    public func dump(_ request: NetlinkMessage, describing name: String) throws(NetlinkError) -> [NetlinkMessage] {
        for _ in 1..<Self.dumpAttempts {
            let parts = try dumpOnce(request, describing: name)
            if let parts { return parts }
        }
        guard let parts = try dumpOnce(request, describing: name) else {
            throw .malformed("\(name) was interrupted by changes \(Self.dumpAttempts) times in a row")
        }
        return parts
    }

    /// One dump; `nil` when it was interrupted.
    private func dumpOnce(_ request: NetlinkMessage, describing name: String) throws(NetlinkError) -> [NetlinkMessage]? {
        var answer = NetlinkAnswer(sequence: try send(request), request: name)
        while try !answer.take(receive(for: name)) {}
        return answer.interrupted ? nil : answer.parts
    }

    /// Sends `request` with the next sequence number, which it returns.
    private func send(_ request: NetlinkMessage) throws(NetlinkError) -> UInt32 {
        let sequence = nextSequence
        nextSequence &+= 1
        let bytes = request.numbered(sequence).encoded
        while true {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
            if sent == bytes.count { return sequence }
            if sent < 0 && errno == EINTR { continue }
            throw .system(call: "send(netlink)", errno: sent < 0 ? errno : EMSGSIZE)
        }
    }

    /// The messages of the next datagram the kernel sends; datagrams from other senders are
    /// dropped, a truncated one is malformed.
    private func receive(for name: String) throws(NetlinkError) -> [NetlinkMessage] {
        var buffer = [UInt8](repeating: 0, count: Self.receiveBufferSize)
        while true {
            var address = sockaddr_storage()
            var addressLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let received = buffer.withUnsafeMutableBytes { bytes in
                withUnsafeMutablePointer(to: &address) { storage in
                    storage.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        recvfrom(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_TRUNC), $0, &addressLength)
                    }
                }
            }
            if received < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK { throw .timedOut(request: name) }
                throw .system(call: "recvfrom(netlink)", errno: code)
            }
            guard received <= buffer.count else {
                throw .malformed("a datagram of \(received) bytes answering \(name) did not fit the \(buffer.count)-byte buffer")
            }
            // struct sockaddr_nl: nl_family (2 bytes), nl_pad (2), nl_pid (4), nl_groups (4).
            let senderPort = withUnsafeBytes(of: &address) { NetlinkReader(Array($0.prefix(8))[...]).u32(at: 4) }
            guard senderPort == 0 else { continue }
            return try NetlinkMessage.split(buffer[..<received])
        }
    }
}
