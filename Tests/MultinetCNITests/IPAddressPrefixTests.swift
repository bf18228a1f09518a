import Testing
@testable import MultinetCNI

@Suite("IP addresses and prefixes")
struct IPAddressPrefixTests {
    static let validPrefixes: [(String, String, IPAddress.Family)] = [
        ("10.1.0.5/16", "10.1.0.5/16", .v4),
        ("0.0.0.0/0", "0.0.0.0/0", .v4),
        ("255.255.255.255/32", "255.255.255.255/32", .v4),
        ("192.168.0.1/0", "192.168.0.1/0", .v4),
        ("::/0", "::/0", .v6),
        ("::1/128", "::1/128", .v6),
        ("fe80::1/64", "fe80::1/64", .v6),
        ("FE80::ABCD/64", "fe80::abcd/64", .v6),
        ("2001:db8:0:0:1:0:0:1/64", "2001:db8::1:0:0:1/64", .v6),
        ("2001:0db8:0000:0000:0000:0000:0000:0001/48", "2001:db8::1/48", .v6),
        ("2001:db8:0:1:1:1:1:1/64", "2001:db8:0:1:1:1:1:1/64", .v6),
        ("1:0:0:2:0:0:0:3/64", "1:0:0:2::3/64", .v6),
        ("1:0:0:2:0:0:3:4/64", "1::2:0:0:3:4/64", .v6),
        ("1::/16", "1::/16", .v6),
        ("1:2:3:4:5:6:7::/112", "1:2:3:4:5:6:7:0/112", .v6),
        ("::2:3:4:5:6:7:8/64", "0:2:3:4:5:6:7:8/64", .v6),
        ("::ffff:10.1.2.3/128", "::ffff:10.1.2.3/128", .v6),
        ("0:0:0:0:0:ffff:10.1.2.3/120", "::ffff:10.1.2.3/120", .v6),
        ("64:ff9b::192.0.2.33/96", "64:ff9b::c000:221/96", .v6),
        ("::1.2.3.4/96", "::102:304/96", .v6),
        ("1:2:3:4:5:6:1.2.3.4/64", "1:2:3:4:5:6:102:304/64", .v6),
    ]

    @Test("parses prefixes and writes them canonically", arguments: validPrefixes)
    func valid(text: String, canonical: String, family: IPAddress.Family) throws {
        let prefix = try #require(IPAddressPrefix(text))
        #expect(prefix.description == canonical)
        #expect(prefix.family == family)
        #expect(prefix.address.bytes.count == family.bitCount / 8)
        #expect(IPAddressPrefix(canonical) == prefix)
    }

    @Test("rejects text that is not a prefix", arguments: CNIResultInvalidInputTests.badPrefixes)
    func invalid(text: String) {
        #expect(IPAddressPrefix(text) == nil)
    }

    @Test("parses addresses, and rejects prefixes and malformed text as addresses")
    func addresses() throws {
        #expect(IPAddress("10.1.0.1")?.bytes == [10, 1, 0, 1])
        #expect(IPAddress("::ffff:10.1.0.1")?.family == .v6)
        #expect(IPAddress("fd00::1")?.bytes == [0xFD, 0] + Array(repeating: 0, count: 13) + [1])
        for text in ["10.1.0.1/24", "10.1.0", "256.0.0.1", "1.2.3.4.5", "fd00::1::", "::g", "", "localhost", "1.2.3.-4"] {
            #expect(IPAddress(text) == nil, "\(text)")
        }
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
        #expect(IPAddress(bytes: [192, 0, 2, 1])?.description == "192.0.2.1")
        #expect(IPAddressPrefix(address: try #require(IPAddress("10.0.0.0")), prefixLength: 33) == nil)
    }

    @Test("the CNI version strings of the families")
    func families() {
        #expect(IPAddress.Family.v4.cniVersionString == "4")
        #expect(IPAddress.Family(cniVersionString: "6") == .v6)
        #expect(IPAddress.Family(cniVersionString: "v6") == nil)
    }
}
