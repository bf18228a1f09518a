import MultinetCNI

extension NetlinkMessage {
    /// `RTM_GETROUTE` dump of every route of `family` (`nil`: both IPv4 and IPv6), all tables.
    public static func dumpRoutes(family: IPAddress.Family?) -> NetlinkMessage {
        var body = [UInt8](repeating: 0, count: KernelRoute.fixedSize)
        body[0] = family?.netlink ?? Netlink.Family.unspecified
        return NetlinkMessage(type: Netlink.MessageType.getRoute, flags: Netlink.Flags.request | Netlink.Flags.dump, payload: body)
    }

    /// `RTM_GETLINK` dump of every interface.
    public static func dumpLinks() -> NetlinkMessage {
        NetlinkMessage(type: Netlink.MessageType.getLink, flags: Netlink.Flags.request | Netlink.Flags.dump,
                       payload: [UInt8](repeating: 0, count: KernelLink.fixedSize))
    }

    /// `RTM_GETADDR` dump of every address of `family` (`nil`: both).
    public static func dumpAddresses(family: IPAddress.Family?) -> NetlinkMessage {
        var body = [UInt8](repeating: 0, count: KernelAddress.fixedSize)
        body[0] = family?.netlink ?? Netlink.Family.unspecified
        return NetlinkMessage(type: Netlink.MessageType.getAddress, flags: Netlink.Flags.request | Netlink.Flags.dump, payload: body)
    }

    /// `RTM_NEWROUTE` adding `route`, acknowledged; refused (`EEXIST`) if an equal route exists.
    public static func addRoute(_ route: KernelRoute) -> NetlinkMessage {
        NetlinkMessage(type: Netlink.MessageType.newRoute,
                       flags: Netlink.Flags.request | Netlink.Flags.ack | Netlink.Flags.create | Netlink.Flags.exclusive,
                       payload: route.netlinkPayload)
    }

    /// `RTM_DELROUTE` removing exactly `route`, acknowledged.
    public static func deleteRoute(_ route: KernelRoute) -> NetlinkMessage {
        NetlinkMessage(type: Netlink.MessageType.deleteRoute, flags: Netlink.Flags.request | Netlink.Flags.ack,
                       payload: route.deletePayload)
    }

    /// The same request with its sequence number set.
    func numbered(_ sequence: UInt32) -> NetlinkMessage {
        var copy = self
        copy.sequence = sequence
        return copy
    }
}
