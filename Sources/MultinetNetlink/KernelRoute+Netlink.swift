import MultinetCNI

extension KernelRoute {
    /// The size of `struct rtmsg`.
    static let fixedSize = 12

    /// The route as an `RTM_NEWROUTE` request body: `rtmsg` and `RTA_TABLE`, `RTA_DST`
    /// (unless default), `RTA_GATEWAY`, `RTA_OIF`, `RTA_PRIORITY`, `RTA_PREFSRC` as set.
    var netlinkPayload: [UInt8] {
        body(protocol: origin, scope: scope, type: type)
    }

    /// The body of an `RTM_DELROUTE` request that removes exactly this route: protocol,
    /// type and scope left open (as `ip route del` sends them), the keys the kernel matches
    /// on (table, destination, gateway, interface, metric) as dumped.
    var deletePayload: [UInt8] {
        body(protocol: Netlink.RouteProtocol.unspecified, scope: Netlink.Scope.nowhere, type: Netlink.RouteType.unspecified)
    }

    private func body(protocol origin: UInt8, scope: UInt8, type: UInt8) -> [UInt8] {
        var writer = NetlinkWriter()
        writer.u8(family.netlink)
        writer.u8(UInt8(destination.prefixLength))
        writer.u8(0)  // rtm_src_len
        writer.u8(0)  // rtm_tos
        writer.u8(table < 256 ? UInt8(table) : UInt8(Netlink.Table.compat))
        writer.u8(origin)
        writer.u8(scope)
        writer.u8(type)
        writer.u32(0)  // rtm_flags
        var attributes = [NetlinkAttribute(type: Netlink.RouteAttribute.table, u32: table)]
        if destination.prefixLength > 0 {
            attributes.append(NetlinkAttribute(type: Netlink.RouteAttribute.destination, value: destination.address.bytes))
        }
        if let gateway { attributes.append(NetlinkAttribute(type: Netlink.RouteAttribute.gateway, value: gateway.bytes)) }
        if let outputInterface { attributes.append(NetlinkAttribute(type: Netlink.RouteAttribute.outputInterface, u32: outputInterface)) }
        if let priority { attributes.append(NetlinkAttribute(type: Netlink.RouteAttribute.priority, u32: priority)) }
        if let preferredSource {
            attributes.append(NetlinkAttribute(type: Netlink.RouteAttribute.preferredSource, value: preferredSource.bytes))
        }
        writer.raw(NetlinkAttribute.encode(attributes))
        return writer.bytes
    }

    /// Decodes an `RTM_NEWROUTE` message of a dump. `nil` for a route of a family other than
    /// IPv4 and IPv6 (a dump of every family also lists, say, multicast or MPLS routes);
    /// a truncated body or an attribute of the wrong size is malformed.
    init?(decoding message: NetlinkMessage) throws(NetlinkError) {
        guard message.type == Netlink.MessageType.newRoute else {
            throw .malformed("message type \(message.type) is not a route (RTM_NEWROUTE)")
        }
        let payload = message.payload[...]
        let reader = NetlinkReader(payload)
        guard reader.has(Self.fixedSize, at: 0) else {
            throw .malformed("route message of \(payload.count) byte(s) is shorter than struct rtmsg (\(Self.fixedSize))")
        }
        guard let family = IPAddress.Family(netlink: reader.u8(at: 0)) else { return nil }
        let length = Int(reader.u8(at: 1))
        guard length <= family.bitCount else {
            throw .malformed("route destination length \(length) exceeds \(family.bitCount) bits")
        }
        let attributes = try NetlinkAttribute.parse(payload.dropFirst(Self.fixedSize))
        func address(_ type: UInt16, _ name: String) throws(NetlinkError) -> IPAddress? {
            guard let attribute = attributes.first(type) else { return nil }
            guard attribute.value.count == family.bitCount / 8, let address = IPAddress(bytes: attribute.value) else {
                throw .malformed("route \(name) has \(attribute.value.count) byte(s), not an \(family.name) address")
            }
            return address
        }
        func integer(_ type: UInt16, _ name: String) throws(NetlinkError) -> UInt32? {
            guard let attribute = attributes.first(type) else { return nil }
            guard let value = attribute.u32 else { throw .malformed("route \(name) has \(attribute.value.count) byte(s), not 4") }
            return value
        }
        let destination = try address(Netlink.RouteAttribute.destination, "destination") ?? IPAddress.zero(family)
        guard let prefix = IPAddressPrefix(address: destination, prefixLength: length) else {
            throw .malformed("route destination length \(length) does not fit \(family.name)")
        }
        self.init(destination: prefix,
                  gateway: try address(Netlink.RouteAttribute.gateway, "gateway"),
                  outputInterface: try integer(Netlink.RouteAttribute.outputInterface, "interface"),
                  table: try integer(Netlink.RouteAttribute.table, "table") ?? UInt32(reader.u8(at: 4)),
                  origin: reader.u8(at: 5), scope: reader.u8(at: 6), type: reader.u8(at: 7),
                  priority: try integer(Netlink.RouteAttribute.priority, "priority"),
                  preferredSource: try address(Netlink.RouteAttribute.preferredSource, "preferred source"))
    }
}
