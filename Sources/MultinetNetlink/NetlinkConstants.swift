/// Numbers of the Linux netlink and rtnetlink interfaces (`linux/netlink.h`,
/// `linux/rtnetlink.h`, `linux/if_link.h`, `linux/if_addr.h`), which Swift's `Glibc` module
/// does not export.
public enum Netlink {
    /// `NETLINK_ROUTE`: the routing protocol family of `AF_NETLINK` sockets.
    public static let protocolRoute: Int32 = 0
    /// `AF_NETLINK`.
    public static let addressFamily: Int32 = 16
    /// `SOL_NETLINK`, the socket option level.
    static let socketOptionLevel: Int32 = 270
    /// `NETLINK_CAP_ACK`: an error acknowledgement carries only the request's header.
    static let optionCapAck: Int32 = 10
    /// `NETLINK_EXT_ACK`: an error acknowledgement may carry the kernel's message text.
    static let optionExtendedAck: Int32 = 11

    /// `AF_UNSPEC`, `AF_INET`, `AF_INET6` as netlink messages carry them.
    public enum Family {
        /// Any family (dumps of every family).
        public static let unspecified: UInt8 = 0
        /// IPv4.
        public static let inet: UInt8 = 2
        /// IPv6.
        public static let inet6: UInt8 = 10
    }

    /// `nlmsghdr.nlmsg_type` values.
    public enum MessageType {
        /// `NLMSG_NOOP`.
        public static let noop: UInt16 = 1
        /// `NLMSG_ERROR`: an acknowledgement (error 0) or a failure.
        public static let error: UInt16 = 2
        /// `NLMSG_DONE`: the end of a dump.
        public static let done: UInt16 = 3
        /// `NLMSG_OVERRUN`.
        public static let overrun: UInt16 = 4
        /// `RTM_NEWLINK`.
        public static let newLink: UInt16 = 16
        /// `RTM_GETLINK`.
        public static let getLink: UInt16 = 18
        /// `RTM_NEWADDR`.
        public static let newAddress: UInt16 = 20
        /// `RTM_GETADDR`.
        public static let getAddress: UInt16 = 22
        /// `RTM_NEWROUTE`.
        public static let newRoute: UInt16 = 24
        /// `RTM_DELROUTE`.
        public static let deleteRoute: UInt16 = 25
        /// `RTM_GETROUTE`.
        public static let getRoute: UInt16 = 26
    }

    /// `nlmsghdr.nlmsg_flags` bits.
    public enum Flags {
        /// `NLM_F_REQUEST`.
        public static let request: UInt16 = 0x1
        /// `NLM_F_MULTI`: one part of a multipart answer.
        public static let multi: UInt16 = 0x2
        /// `NLM_F_ACK`: answer with an acknowledgement.
        public static let ack: UInt16 = 0x4
        /// `NLM_F_DUMP_INTR`: the dump was interrupted by a change and is inconsistent.
        public static let dumpInterrupted: UInt16 = 0x10
        /// `NLM_F_DUMP` (`NLM_F_ROOT | NLM_F_MATCH`).
        public static let dump: UInt16 = 0x300
        /// `NLM_F_EXCL`: fail if the object exists.
        public static let exclusive: UInt16 = 0x200
        /// `NLM_F_CREATE`: create the object.
        public static let create: UInt16 = 0x400
        /// `NLM_F_CAPPED` on an error acknowledgement: only the request's header follows.
        public static let capped: UInt16 = 0x100
        /// `NLM_F_ACK_TLVS` on an error acknowledgement: attributes follow the request.
        public static let ackAttributes: UInt16 = 0x200
    }

    /// `rtattr` types of route messages (`RTA_*`).
    public enum RouteAttribute {
        /// `RTA_DST`.
        public static let destination: UInt16 = 1
        /// `RTA_OIF`.
        public static let outputInterface: UInt16 = 4
        /// `RTA_GATEWAY`.
        public static let gateway: UInt16 = 5
        /// `RTA_PRIORITY` (the metric).
        public static let priority: UInt16 = 6
        /// `RTA_PREFSRC`.
        public static let preferredSource: UInt16 = 7
        /// `RTA_TABLE`.
        public static let table: UInt16 = 15
    }

    /// `rtmsg.rtm_table` values.
    public enum Table {
        /// `RT_TABLE_COMPAT`: the real table is in `RTA_TABLE`.
        public static let compat: UInt32 = 252
        /// `RT_TABLE_MAIN`.
        public static let main: UInt32 = 254
        /// `RT_TABLE_LOCAL`.
        public static let local: UInt32 = 255
    }

    /// `rtmsg.rtm_protocol` values.
    public enum RouteProtocol {
        /// `RTPROT_UNSPEC`: any, in a delete request.
        public static let unspecified: UInt8 = 0
        /// `RTPROT_KERNEL`: made by the kernel (link routes).
        public static let kernel: UInt8 = 2
        /// `RTPROT_BOOT`: what `ip route add` and the CNI plugins set.
        public static let boot: UInt8 = 3
    }

    /// `rtmsg.rtm_scope` values.
    public enum Scope {
        /// `RT_SCOPE_UNIVERSE`: a route via a gateway.
        public static let universe: UInt8 = 0
        /// `RT_SCOPE_LINK`: a directly attached network.
        public static let link: UInt8 = 253
        /// `RT_SCOPE_HOST`.
        public static let host: UInt8 = 254
        /// `RT_SCOPE_NOWHERE`: any, in a delete request.
        public static let nowhere: UInt8 = 255
    }

    /// `rtmsg.rtm_type` values.
    public enum RouteType {
        /// `RTN_UNSPEC`: any, in a delete request.
        public static let unspecified: UInt8 = 0
        /// `RTN_UNICAST`: a gateway or direct route.
        public static let unicast: UInt8 = 1
        /// `RTN_LOCAL`.
        public static let local: UInt8 = 2
    }

    /// `ifla` attribute types of link messages (`IFLA_*`).
    public enum LinkAttribute {
        /// `IFLA_ADDRESS`: the hardware address.
        public static let address: UInt16 = 1
        /// `IFLA_IFNAME`.
        public static let name: UInt16 = 3
        /// `IFLA_MTU`.
        public static let mtu: UInt16 = 4
    }

    /// `ifa` attribute types of address messages (`IFA_*`).
    public enum AddressAttribute {
        /// `IFA_ADDRESS`: the peer address, or the local one on a broadcast link.
        public static let address: UInt16 = 1
        /// `IFA_LOCAL`: the local address.
        public static let local: UInt16 = 2
    }

    /// `NLMSGERR_ATTR_MSG`: the kernel's text in an extended acknowledgement.
    static let errorAttributeMessage: UInt16 = 1

    /// Messages and attributes are padded to multiples of this (`NLMSG_ALIGNTO`).
    public static let alignment = 4

    /// `length` rounded up to the alignment.
    public static func aligned(_ length: Int) -> Int {
        (length + alignment - 1) & ~(alignment - 1)
    }
}
