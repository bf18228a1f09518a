import Testing
@testable import MultinetCNI
@testable import MultinetNetlink

/// Byte-level tables of what the kernel sends back: dump parts, acknowledgements, errors.
/// Integers little-endian (x86_64, aarch64), addresses in network order.
@Suite("netlink: answer decoding")
struct NetlinkDecodingTests {
    static func ip(_ text: String) -> IPAddress { IPAddress(text)! }
    static func prefix(_ text: String) -> IPAddressPrefix { IPAddressPrefix(text)! }

    /// A message of `type` with `payload`, as the kernel sends it to port 1234.
    static func message(_ type: UInt16, flags: UInt16 = Netlink.Flags.multi, sequence: UInt32 = 9, _ payload: [UInt8]) -> [UInt8] {
        NetlinkMessage(type: type, flags: flags, sequence: sequence, portID: 1234, payload: payload).encoded
    }

    @Test("an IPv4 route: table, destination, gateway, interface, metric; rtm_* fields")
    func ipv4Route() throws {
        let bytes = Self.message(24, [
            2, 12, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0,
            8, 0, 15, 0, 254, 0, 0, 0,
            8, 0, 1, 0, 10, 96, 0, 0,
            8, 0, 6, 0, 20, 0, 0, 0,
            8, 0, 5, 0, 10, 1, 0, 1,
            8, 0, 4, 0, 2, 0, 0, 0,
        ])
        let route = try #require(try KernelRoute(decoding: try Self.first(bytes)))
        #expect(route == KernelRoute(destination: Self.prefix("10.96.0.0/12"), gateway: Self.ip("10.1.0.1"), outputInterface: 2,
                                     table: 254, origin: 4, scope: 0, type: 1, priority: 20))
        #expect(!route.isMainDefault)
    }

    @Test("a link route and a default route; rtm_table is used when RTA_TABLE is absent")
    func defaultAndLinkRoutes() throws {
        let link = Self.message(24, [2, 24, 0, 0, 254, 2, 253, 1, 0, 0, 0, 0,
                                     8, 0, 1, 0, 10, 1, 0, 0,
                                     8, 0, 7, 0, 10, 1, 0, 5,
                                     8, 0, 4, 0, 2, 0, 0, 0])
        let byDefault = Self.message(24, [2, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0,
                                          8, 0, 5, 0, 10, 1, 0, 1,
                                          8, 0, 4, 0, 2, 0, 0, 0])
        let routes = try NetlinkMessage.split(link + byDefault).compactMap { message throws(NetlinkError) in try KernelRoute(decoding: message) }
        #expect(routes == [
            KernelRoute(destination: Self.prefix("10.1.0.0/24"), outputInterface: 2, origin: 2, scope: 253, preferredSource: Self.ip("10.1.0.5")),
            KernelRoute(destination: Self.prefix("0.0.0.0/0"), gateway: Self.ip("10.1.0.1"), outputInterface: 2),
        ])
        #expect(routes.map(\.isMainDefault) == [false, true])
    }

    @Test("an IPv6 default route; routes of other families are skipped, not errors")
    func ipv6AndOtherFamilies() throws {
        let v6 = Self.message(24, [10, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0,
                                   8, 0, 15, 0, 254, 0, 0, 0,
                                   20, 0, 5, 0, 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
                                   8, 0, 6, 0, 0, 4, 0, 0,
                                   8, 0, 4, 0, 3, 0, 0, 0])
        let route = try #require(try KernelRoute(decoding: try Self.first(v6)))
        #expect(route == KernelRoute(destination: Self.prefix("::/0"), gateway: Self.ip("fd00::1"), outputInterface: 3, priority: 1024))
        #expect(route.isMainDefault)
        let mpls = Self.message(24, [28, 20, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0])
        #expect(try KernelRoute(decoding: try Self.first(mpls)) == nil)
    }

    @Test("a link: index, name, MAC, MTU, flags")
    func link() throws {
        let bytes = Self.message(16, [0, 0, 1, 0, 3, 0, 0, 0, 0x43, 0x10, 1, 0, 0, 0, 0, 0,
                                      9, 0, 3, 0, 0x6e, 0x65, 0x74, 0x31, 0, 0, 0, 0,
                                      8, 0, 4, 0, 0xdc, 0x05, 0, 0,
                                      10, 0, 1, 0, 0x02, 0x00, 0x0a, 0x09, 0x00, 0xfe, 0, 0])
        let link = try KernelLink(decoding: try Self.first(bytes))
        #expect(link == KernelLink(index: 3, name: "net1", mac: "02:00:0a:09:00:fe", mtu: 1500, flags: 0x11043))
        #expect(link.isUp)
    }

    @Test("an address: IFA_LOCAL wins over IFA_ADDRESS; prefix length and scope from ifaddrmsg")
    func address() throws {
        let bytes = Self.message(20, [2, 24, 0x80, 0, 3, 0, 0, 0,
                                      8, 0, 1, 0, 10, 9, 0, 99,
                                      8, 0, 2, 0, 10, 9, 0, 5])
        #expect(try KernelAddress(decoding: try Self.first(bytes))
                == KernelAddress(interfaceIndex: 3, prefix: Self.prefix("10.9.0.5/24")))
        let linkLocal = Self.message(20, [10, 64, 0x80, 253, 2, 0, 0, 0,
                                          20, 0, 1, 0, 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(try KernelAddress(decoding: try Self.first(linkLocal))
                == KernelAddress(interfaceIndex: 2, prefix: Self.prefix("fe80::1/64"), scope: 253))
    }

    struct AckRow: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var errno: Int32
        var message: String?
        var testDescription: String { name }
    }

    /// The request being answered: an RTM_NEWROUTE header of 52 bytes, sequence 9.
    static let quotedHeader: [UInt8] = [52, 0, 0, 0, 24, 0, 0x05, 0x06, 9, 0, 0, 0, 0, 0, 0, 0]

    static let acks: [AckRow] = [
        AckRow(name: "success (error 0), capped", bytes: message(2, flags: 0x100, [0, 0, 0, 0] + quotedHeader), errno: 0),
        AckRow(name: "ENETUNREACH, capped, with the kernel's text",
               bytes: message(2, flags: 0x300, [0x9b, 0xff, 0xff, 0xff] + quotedHeader
                              + [32, 0, 1, 0] + Array("Nexthop has invalid gateway".utf8) + [0]),
               errno: 101, message: "Nexthop has invalid gateway"),
        AckRow(name: "EEXIST, not capped: the whole request is quoted before the attributes",
               bytes: message(2, flags: 0x200, [0xef, 0xff, 0xff, 0xff] + [52, 0, 0, 0, 24, 0, 5, 6, 9, 0, 0, 0, 0, 0, 0, 0]
                              + [UInt8](repeating: 0, count: 36) + [8, 0, 1, 0, 0x61, 0x62, 0x63, 0]),
               errno: 17, message: "abc"),
        AckRow(name: "ESRCH without text", bytes: message(2, flags: 0x100, [0xfd, 0xff, 0xff, 0xff] + quotedHeader), errno: 3),
        AckRow(name: "NLMSG_DONE of a dump", bytes: message(3, [0, 0, 0, 0]), errno: 0),
        AckRow(name: "NLMSG_DONE of a refused dump", bytes: message(3, [0xf3, 0xff, 0xff, 0xff]), errno: 13),
    ]

    @Test("acknowledgements: errno and the kernel's text", arguments: acks)
    func acknowledgement(_ row: AckRow) throws {
        let ack = try NetlinkAcknowledgement(decoding: try #require(NetlinkMessage.split(row.bytes).first))
        #expect(ack == NetlinkAcknowledgement(errno: row.errno, message: row.message))
    }

    @Test("an answer is read up to its acknowledgement or NLMSG_DONE; other sequences are ignored")
    func answers() throws {
        let part = NetlinkMessage(type: 24, flags: 2, sequence: 9, payload: [2, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0])
        let stranger = NetlinkMessage(type: 24, flags: 2, sequence: 8, payload: part.payload)
        let done = NetlinkMessage(type: 3, flags: 2, sequence: 9, payload: [0, 0, 0, 0])
        var dump = NetlinkAnswer(sequence: 9, request: "RTM_GETROUTE dump")
        #expect(try dump.take([stranger, part]) == false)
        #expect(try dump.take([part, done]) == true)
        #expect(dump.parts == [part, part])
        #expect(!dump.interrupted)

        var interrupted = NetlinkAnswer(sequence: 9, request: "RTM_GETROUTE dump")
        var flagged = part
        flagged.flags |= Netlink.Flags.dumpInterrupted
        #expect(try interrupted.take([flagged, done]) == true)
        #expect(interrupted.interrupted)

        var refused = NetlinkAnswer(sequence: 9, request: "adding the route default via 10.9.0.1 dev #3")
        let error = NetlinkMessage(type: 2, flags: 0x100, sequence: 9, payload: [0x9b, 0xff, 0xff, 0xff] + Self.quotedHeader)
        #expect(throws: NetlinkError.kernel(request: "adding the route default via 10.9.0.1 dev #3", errno: 101, message: nil)) {
            _ = try refused.take([error])
        }
        let text = NetlinkError.kernel(request: "adding the route default via 10.9.0.1 dev #3", errno: 101, message: nil).description
        #expect(text.contains("Network is unreachable") && text.contains("errno 101") && text.contains("default via 10.9.0.1"), "\(text)")
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var decode: @Sendable () throws -> Void
        var fragment: String
        var testDescription: String { name }
    }

    static func first(_ bytes: [UInt8]) throws -> NetlinkMessage {
        try #require(NetlinkMessage.split(bytes).first)
    }

    static let malformed: [Malformed] = [
        Malformed(name: "datagram shorter than a header", decode: { _ = try NetlinkMessage.split([16, 0, 0, 0, 3, 0]) },
                  fragment: "too short for a message header"),
        Malformed(name: "length below the header size", decode: { _ = try NetlinkMessage.split([8, 0, 0, 0] + [UInt8](repeating: 0, count: 12)) },
                  fragment: "less than its header"),
        Malformed(name: "length past the datagram (a truncated message)",
                  decode: { _ = try NetlinkMessage.split(Array(message(24, [2, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0]).prefix(20))) },
                  fragment: "only 20 byte(s) arrived"),
        Malformed(name: "attribute shorter than its header", decode: { _ = try NetlinkAttribute.parse([8, 0][...]) },
                  fragment: "too short for an attribute header"),
        Malformed(name: "attribute length below 4", decode: { _ = try NetlinkAttribute.parse([2, 0, 1, 0][...]) },
                  fragment: "less than its header"),
        Malformed(name: "attribute past the message", decode: { _ = try NetlinkAttribute.parse([12, 0, 5, 0, 10, 1][...]) },
                  fragment: "only 6 byte(s) are left"),
        Malformed(name: "route shorter than rtmsg", decode: { _ = try KernelRoute(decoding: try first(message(24, [2, 0, 0, 0]))) },
                  fragment: "shorter than struct rtmsg"),
        Malformed(name: "route gateway of 3 bytes",
                  decode: { _ = try KernelRoute(decoding: try first(message(24, [2, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0, 7, 0, 5, 0, 10, 1, 0]))) },
                  fragment: "gateway has 3 byte(s)"),
        Malformed(name: "IPv4 route of /33",
                  decode: { _ = try KernelRoute(decoding: try first(message(24, [2, 33, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0]))) },
                  fragment: "exceeds 32 bits"),
        Malformed(name: "route interface of 2 bytes",
                  decode: { _ = try KernelRoute(decoding: try first(message(24, [2, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0, 6, 0, 4, 0, 3, 0]))) },
                  fragment: "interface has 2 byte(s), not 4"),
        Malformed(name: "a link message read as a route", decode: { _ = try KernelRoute(decoding: try first(message(16, [0]))) },
                  fragment: "is not a route"),
        Malformed(name: "link shorter than ifinfomsg", decode: { _ = try KernelLink(decoding: try first(message(16, [0, 0, 1, 0, 3, 0, 0, 0]))) },
                  fragment: "shorter than struct ifinfomsg"),
        Malformed(name: "link without a name", decode: { _ = try KernelLink(decoding: try first(message(16, [UInt8](repeating: 0, count: 16)))) },
                  fragment: "has no name"),
        Malformed(name: "address without an address", decode: { _ = try KernelAddress(decoding: try first(message(20, [2, 24, 0, 0, 3, 0, 0, 0]))) },
                  fragment: "carries no address"),
        Malformed(name: "IPv6 address of 4 bytes",
                  decode: { _ = try KernelAddress(decoding: try first(message(20, [10, 64, 0, 0, 3, 0, 0, 0, 8, 0, 2, 0, 10, 9, 0, 5]))) },
                  fragment: "is not an IPv6 prefix"),
        Malformed(name: "acknowledgement without an error code", decode: { _ = try NetlinkAcknowledgement(decoding: try first(message(2, [0, 0]))) },
                  fragment: "has no error code"),
        Malformed(name: "error acknowledgement without the quoted header",
                  decode: { _ = try NetlinkAcknowledgement(decoding: try first(message(2, [0xef, 0xff, 0xff, 0xff, 52, 0, 0, 0]))) },
                  fragment: "lacks the request's header"),
        Malformed(name: "positive error code", decode: { _ = try NetlinkAcknowledgement(decoding: try first(message(3, [1, 0, 0, 0]))) },
                  fragment: "positive error code"),
        Malformed(name: "a route read as an acknowledgement",
                  decode: { _ = try NetlinkAcknowledgement(decoding: try first(message(24, [0, 0, 0, 0]))) },
                  fragment: "is not an acknowledgement"),
        Malformed(name: "extended acknowledgement with a truncated attribute",
                  decode: { _ = try NetlinkAcknowledgement(decoding: try first(message(2, flags: 0x300, [0x9b, 0xff, 0xff, 0xff] + quotedHeader + [32, 0, 1, 0, 0x4e]))) },
                  fragment: "declares length 32"),
    ]

    @Test("malformed and truncated messages are rejected, naming what is wrong", arguments: malformed)
    func rejects(_ row: Malformed) {
        do {
            try row.decode()
            Issue.record("\(row.name) was accepted")
        } catch let error as NetlinkError {
            guard case .malformed = error else { Issue.record("\(row.name): \(error) is not .malformed"); return }
            #expect(error.description.contains(row.fragment), "\(error)")
        } catch {
            Issue.record("\(row.name): unexpected \(error)")
        }
    }
}
