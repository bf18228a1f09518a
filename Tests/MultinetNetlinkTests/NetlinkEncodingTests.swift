import Testing
@testable import MultinetCNI
@testable import MultinetNetlink

/// Byte-level tables of the requests multinet sends over netlink. Integers are in host
/// order, written here for a little-endian host (x86_64, aarch64); addresses in network order.
@Suite("netlink: request encoding")
struct NetlinkEncodingTests {
    static func ip(_ text: String) -> IPAddress { IPAddress(text)! }
    static func prefix(_ text: String) -> IPAddressPrefix { IPAddressPrefix(text)! }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var message: NetlinkMessage
        var bytes: [UInt8]
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "dump of IPv4 routes", message: NetlinkMessage.dumpRoutes(family: .v4).numbered(7), bytes: [
            28, 0, 0, 0, 26, 0, 0x01, 0x03, 7, 0, 0, 0, 0, 0, 0, 0,
            2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ]),
        Row(name: "dump of routes of every family", message: NetlinkMessage.dumpRoutes(family: nil).numbered(1), bytes: [
            28, 0, 0, 0, 26, 0, 0x01, 0x03, 1, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ]),
        Row(name: "dump of links", message: NetlinkMessage.dumpLinks().numbered(2), bytes: [
            32, 0, 0, 0, 18, 0, 0x01, 0x03, 2, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ]),
        Row(name: "dump of IPv6 addresses", message: NetlinkMessage.dumpAddresses(family: .v6).numbered(3), bytes: [
            24, 0, 0, 0, 22, 0, 0x01, 0x03, 3, 0, 0, 0, 0, 0, 0, 0,
            10, 0, 0, 0, 0, 0, 0, 0,
        ]),
        Row(name: "add: default via 10.1.2.1 dev #3", message: NetlinkMessage.addRoute(.defaultRoute(via: ip("10.1.2.1"), interface: 3)).numbered(0x0102_0304), bytes: [
            52, 0, 0, 0, 24, 0, 0x05, 0x06, 4, 3, 2, 1, 0, 0, 0, 0,
            2, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0,
            8, 0, 15, 0, 254, 0, 0, 0,
            8, 0, 5, 0, 10, 1, 2, 1,
            8, 0, 4, 0, 3, 0, 0, 0,
        ]),
        Row(name: "add: default via fd00::1 dev #4", message: NetlinkMessage.addRoute(.defaultRoute(via: ip("fd00::1"), interface: 4)).numbered(9), bytes: [
            64, 0, 0, 0, 24, 0, 0x05, 0x06, 9, 0, 0, 0, 0, 0, 0, 0,
            10, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0,
            8, 0, 15, 0, 254, 0, 0, 0,
            20, 0, 5, 0, 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            8, 0, 4, 0, 4, 0, 0, 0,
        ]),
        Row(name: "delete: default via 10.1.0.1 dev #2 metric 100 (protocol, scope and type left open)",
            message: NetlinkMessage.deleteRoute(KernelRoute(destination: prefix("0.0.0.0/0"), gateway: ip("10.1.0.1"), outputInterface: 2, priority: 100)).numbered(5),
            bytes: [
                60, 0, 0, 0, 25, 0, 0x05, 0x00, 5, 0, 0, 0, 0, 0, 0, 0,
                2, 0, 0, 0, 254, 0, 255, 0, 0, 0, 0, 0,
                8, 0, 15, 0, 254, 0, 0, 0,
                8, 0, 5, 0, 10, 1, 0, 1,
                8, 0, 4, 0, 2, 0, 0, 0,
                8, 0, 6, 0, 100, 0, 0, 0,
            ]),
        Row(name: "add: 10.96.0.0/12 via 10.1.0.1 in table 1000 with a preferred source",
            message: NetlinkMessage.addRoute(KernelRoute(destination: prefix("10.96.0.0/12"), gateway: ip("10.1.0.1"), table: 1000,
                                                         preferredSource: ip("10.1.0.5"))).numbered(6),
            bytes: [
                60, 0, 0, 0, 24, 0, 0x05, 0x06, 6, 0, 0, 0, 0, 0, 0, 0,
                2, 12, 0, 0, 252, 3, 0, 1, 0, 0, 0, 0,
                8, 0, 15, 0, 0xe8, 0x03, 0, 0,
                8, 0, 1, 0, 10, 96, 0, 0,
                8, 0, 5, 0, 10, 1, 0, 1,
                8, 0, 7, 0, 10, 1, 0, 5,
            ]),
    ]

    @Test("requests encode to the kernel's layout", arguments: rows)
    func encodes(_ row: Row) {
        #expect(row.message.encoded == row.bytes)
    }

    @Test("every request decodes back to itself")
    func roundTrip() throws {
        for row in Self.rows {
            #expect(try NetlinkMessage.split(row.bytes) == [row.message], "\(row.name)")
        }
    }

    @Test("attributes are padded to four bytes; the declared length excludes the padding")
    func attributePadding() throws {
        let name = NetlinkAttribute(type: Netlink.LinkAttribute.name, string: "eth0")
        #expect(name.encoded == [9, 0, 3, 0, 0x65, 0x74, 0x68, 0x30, 0, 0, 0, 0])
        let mac = NetlinkAttribute(type: Netlink.LinkAttribute.address, value: [2, 0, 0, 0, 0, 1])
        #expect(mac.encoded == [10, 0, 1, 0, 2, 0, 0, 0, 0, 1, 0, 0])
        let both = NetlinkAttribute.encode([name, mac])
        #expect(try NetlinkAttribute.parse(both[...]) == [name, mac])
        #expect(name.string == "eth0")
        // Flag bits of the type (NLA_F_NESTED) are not part of it; the last attribute may omit its padding.
        #expect(try NetlinkAttribute.parse([8, 0, 0x04, 0x80, 1, 2, 3, 4, 5, 0, 3, 0, 0x61][...])
                == [NetlinkAttribute(type: 4, value: [1, 2, 3, 4]), NetlinkAttribute(type: 3, value: [0x61])])
    }

    @Test("a datagram carries several messages, each aligned")
    func severalMessages() throws {
        let first = NetlinkMessage(type: 24, flags: 2, sequence: 1, payload: [1, 2, 3])
        let second = NetlinkMessage(type: 3, flags: 2, sequence: 1, payload: [0, 0, 0, 0])
        #expect(first.encoded.count == 20)
        #expect(try NetlinkMessage.split(first.encoded + second.encoded) == [first, second])
    }
}
