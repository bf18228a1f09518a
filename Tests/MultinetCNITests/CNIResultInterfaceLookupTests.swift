import Testing
import MultinetTestSupport

@Suite("CNI result interface lookup")
struct CNIResultInterfaceLookupTests {
    @Test("finds the container interface's addresses and MAC in the bridge result")
    func bridge() throws {
        let result = try CNIResultFixtures.parse(CNIResultFixtures.bridge(.v1_0_0))
        #expect(result.addresses(forInterface: "eth0") == ["10.1.0.5/16"])
        #expect(result.mac(forInterface: "eth0") == "0a:58:0a:01:00:05")
        #expect(result.interfaceIndex(forInterface: "eth0") == 2)
        #expect(result.addresses(forInterface: "cni0").isEmpty)
        #expect(result.mac(forInterface: "cni0") == "0a:58:0a:01:00:01")
        #expect(result.addresses(forInterface: "net1").isEmpty)
        #expect(result.mac(forInterface: "net1") == nil)
    }

    @Test("prefers the interface inside the container when several share a name")
    func sharedName() throws {
        let text = #"{"cniVersion":"1.0.0","interfaces":[{"name":"eth0","mac":"aa:aa:aa:aa:aa:aa"},"#
            + #"{"name":"eth0","mac":"bb:bb:bb:bb:bb:bb","sandbox":"/var/run/netns/pod"}],"#
            + #""ips":[{"interface":0,"address":"192.168.1.2/24"},{"interface":1,"address":"10.1.0.9/16"}]}"#
        let result = try CNIResultFixtures.parse(text)
        #expect(result.interfaceIndex(forInterface: "eth0") == 1)
        #expect(result.mac(forInterface: "eth0") == "bb:bb:bb:bb:bb:bb")
        #expect(result.addresses(forInterface: "eth0") == ["10.1.0.9/16"])
    }

    @Test("addresses without an interface index belong to the only container interface")
    func unindexed() throws {
        let result = try CNIResultFixtures.parse(CNIResultFixtures.dualStack(.v0_4_0))
        #expect(result.addresses(forInterface: "net1") == ["192.168.10.7/24", "fd00:10::7/64", "2001:db8:0:1::7/64"])
        #expect(result.prefixes(forInterface: "net1").map(\.family) == [.v4, .v6, .v6])
    }

    @Test("which interface an address without an index belongs to", arguments: [
        // No interfaces listed: every address.
        (#"[]"#, "eth0", ["10.0.0.2/24"]),
        // One host-side interface only: it.
        (#"[{"name":"eth0"}]"#, "eth0", ["10.0.0.2/24"]),
        // Two container interfaces: neither.
        (#"[{"name":"eth0","sandbox":"/ns"},{"name":"net1","sandbox":"/ns"}]"#, "eth0", []),
        // A host interface and the container's: the container's.
        (#"[{"name":"veth1"},{"name":"eth0","sandbox":"/ns"}]"#, "eth0", ["10.0.0.2/24"]),
        (#"[{"name":"veth1"},{"name":"eth0","sandbox":"/ns"}]"#, "veth1", []),
        // Two host interfaces: neither.
        (#"[{"name":"veth1"},{"name":"eth0"}]"#, "eth0", []),
    ])
    func unindexedOwnership(interfaces: String, name: String, expected: [String]) throws {
        let text = #"{"cniVersion":"1.0.0","interfaces":\#(interfaces),"ips":[{"address":"10.0.0.2/24"}]}"#
        #expect(try CNIResultFixtures.parse(text).addresses(forInterface: name) == expected)
    }
}
