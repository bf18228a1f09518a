import Testing
import MultinetTestSupport
@testable import MultinetCNI
@testable import MultinetJSON

@Suite("CNI result decoding")
struct CNIResultDecodingTests {
    @Test("reads the bridge plugin's result", arguments: CNIVersion.supported)
    func bridge(version: CNIVersion) throws {
        let result = try CNIResultFixtures.parse(CNIResultFixtures.bridge(version))
        #expect(result.cniVersion == version)
        #expect(result.interfaces == [
            CNIInterface(name: "cni0", mac: "0a:58:0a:01:00:01"),
            CNIInterface(name: "veth3f2a6c1d", mac: "6e:1d:2a:9b:47:c0"),
            CNIInterface(name: "eth0", mac: "0a:58:0a:01:00:05", sandbox: CNIResultFixtures.netns),
        ])
        #expect(result.ips == [
            CNIIPConfig(address: IPAddressPrefix("10.1.0.5/16")!, interface: 2, gateway: IPAddress("10.1.0.1")),
        ])
        #expect(result.ips[0].family == .v4)
        #expect(result.routes == [CNIRoute(dst: IPAddressPrefix("0.0.0.0/0")!, gw: IPAddress("10.1.0.1"))])
        #expect(result.dns == CNIDNS(nameservers: ["10.96.0.10"], domain: "cluster.local",
                                     search: ["default.svc.cluster.local", "svc.cluster.local", "cluster.local"],
                                     options: ["ndots:5"]))
        #expect(!result.interfaces[1].isInSandbox)
        #expect(result.interfaces[2].isInSandbox)
    }

    @Test("reads the fields CNI 1.1.0 added")
    func v1_1Fields() throws {
        let result = try CNIResultFixtures.parse(CNIResultFixtures.bridge(.v1_1_0, v1_1Fields: true))
        #expect(result.interfaces[2] == CNIInterface(name: "eth0", mac: "0a:58:0a:01:00:05", mtu: 1450,
                                                     sandbox: CNIResultFixtures.netns,
                                                     socketPath: "/run/vhost/eth0.sock", pciID: "0000:3b:00.1"))
        #expect(result.routes == [CNIRoute(dst: IPAddressPrefix("0.0.0.0/0")!, gw: IPAddress("10.1.0.1"),
                                           mtu: 1400, advMSS: 1360, priority: 100, table: 254, scope: 0)])
    }

    @Test("reads IPv6 and dual-stack results", arguments: CNIVersion.supported)
    func dualStack(version: CNIVersion) throws {
        let result = try CNIResultFixtures.parse(CNIResultFixtures.dualStack(version))
        #expect(result.ips.map(\.family) == [.v4, .v6, .v6])
        #expect(result.ips.map(\.address.description) == ["192.168.10.7/24", "fd00:10::7/64", "2001:db8:0:1::7/64"])
        #expect(result.ips.map(\.interface) == [0, 0, nil])
        #expect(result.ips[1].gateway == IPAddress("fd00:10::1"))
        #expect(result.ips[2].gateway == nil)
        #expect(result.routes.map(\.dst.description) == ["::/0", "2001:db8::/32"])
        #expect(result.routes.map(\.gw) == [IPAddress("fd00:10::1"), nil])
        #expect(result.dns.isEmpty)
    }

    @Test("reads a minimal result: nulls, empty strings and zeros as absent, unknown keys ignored")
    func minimal() throws {
        let text = #"{"cniVersion":"1.0.0","interfaces":[{"name":"eth0","mac":"","sandbox":"","mtu":0}],"#
            + #""ips":null,"routes":[{"dst":"10.0.0.0/8","gw":null,"mtu":0,"table":0}],"dns":{},"#
            + #""vendorExtension":{"x":1}}"#
        let result = try CNIResultFixtures.parse(text)
        #expect(result.interfaces == [CNIInterface(name: "eth0")])
        #expect(result.interfaces[0].mac == nil && result.interfaces[0].mtu == nil && result.interfaces[0].sandbox == nil)
        #expect(result.ips.isEmpty)
        #expect(result.routes == [CNIRoute(dst: IPAddressPrefix("10.0.0.0/8")!, table: 0)])
        #expect(result.dns.isEmpty)
        #expect(try result.json().jsonText
            == #"{"cniVersion":"1.0.0","interfaces":[{"name":"eth0"}],"routes":[{"dst":"10.0.0.0/8"}]}"#)
        #expect(try result.json(as: .v1_1_0).jsonText
            == #"{"cniVersion":"1.1.0","interfaces":[{"name":"eth0"}],"routes":[{"dst":"10.0.0.0/8","table":0}]}"#)
    }

    @Test("a result with only a version")
    func onlyVersion() throws {
        let result = try CNIResult(json: .object(JSONObject([("cniVersion", .string("0.4.0"))])))
        #expect(result == CNIResult(cniVersion: .v0_4_0))
        #expect(try result.json(as: .v1_1_0).jsonText == #"{"cniVersion":"1.1.0"}"#)
    }

    @Test("parses from bytes; text that is not JSON is a decoding failure")
    func fromBytes() throws {
        let result = try CNIResult(parsing: Array(CNIResultFixtures.bridge(.v0_3_1).utf8))
        #expect(result.cniVersion == .v0_3_1)
        let error = #expect(throws: CNIError.self) {
            try CNIResult(parsing: Array(#"{"cniVersion":"#.utf8))
        }
        #expect(error?.code == CNIErrorCode.decodingFailure)
        #expect(error?.msg == "result: not valid JSON")
        #expect(error?.details.contains("unexpected end") == true)
    }
}
