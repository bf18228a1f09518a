#if canImport(Glibc)
import Glibc
#endif

/// A `NETLINK_ROUTE` socket subscribed to a namespace's link and address changes
/// (`RTMGRP_LINK`, `RTMGRP_IPV4_IFADDR`, `RTMGRP_IPV6_IFADDR`), read without waiting: what
/// lets a reader that keeps a namespace's links and addresses skip dumping them again
/// when nothing changed. The kernel queues a notification for every change; a queue that
/// overflowed (`ENOBUFS`) or any error counts as a change, so nothing is ever missed.
public final class NetlinkChangeWatch: KernelChangeWatch {
    /// The multicast groups: links, IPv4 addresses, IPv6 addresses.
    static let groups: UInt32 = 0x1 | 0x10 | 0x100

    private let descriptor: Int32

    /// Takes over a socket made in the namespace, binds it to the groups, makes it non-blocking.
    init(descriptor: Int32) throws(NetlinkError) {
        self.descriptor = descriptor
        // struct sockaddr_nl: nl_family (2 bytes), nl_pad (2), nl_pid (4, 0: the kernel picks), nl_groups (4).
        var address = [UInt8](repeating: 0, count: 12)
        withUnsafeBytes(of: UInt16(Netlink.addressFamily)) { address.replaceSubrange(0..<2, with: $0) }
        withUnsafeBytes(of: Self.groups) { address.replaceSubrange(8..<12, with: $0) }
        let bound = address.withUnsafeBytes { raw in
            bind(descriptor, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw .system(call: "bind(netlink, link and address groups)", errno: code)
        }
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
    }

    deinit {
        close(descriptor)
    }

    /// Whether anything changed since the last call (or since the watch was made): every
    /// queued notification is read and dropped.
    public func changed() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 8192)
        var any = false
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if received > 0 {
                any = true
                continue
            }
            if received < 0 && errno == EINTR { continue }
            if received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return any }
            return true  // ENOBUFS (notifications lost), or the socket failed: assume a change
        }
    }
}
