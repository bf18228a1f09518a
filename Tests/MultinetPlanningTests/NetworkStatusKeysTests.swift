import Testing
import MultinetTestSupport
@testable import MultinetCNI
@testable import MultinetJSON
@testable import MultinetModel
@testable import MultinetPlanning

/// `network-status` entries gain what the NPWG client library writes: `mtu` and `gateway`
/// (and the older `default-route`), from results of every version multinet reads.
@Suite("network-status: gateway, default-route and mtu")
struct NetworkStatusKeysTests {
    static func planned(_ ifName: String, isDefault: Bool = false) throws -> PlannedAttachment {
        PlannedAttachment(network: "macnet", networkNamespace: "default", kind: "NetworkAttachmentDefinition", ifName: ifName,
                          isDefault: isDefault, list: try NetworkConfigList(parsing: Array(#"{"cniVersion":"1.0.0","name":"macnet","type":"macvlan"}"#.utf8),
                                                                            source: "test"),
                          runtimeConfig: JSONObject())
    }

    static func entry(_ text: String, _ ifName: String) throws -> JSONValue {
        NetworkStatus.Entry(planned: try planned(ifName), result: try CNIResultFixtures.parse(text)).json
    }

    @Test("the bridge result of every version: gateway and default-route from its default route; mtu only from 1.1.0",
          arguments: CNIVersion.supported)
    func bridge(_ version: CNIVersion) throws {
        let json = try Self.entry(CNIResultFixtures.bridge(version, v1_1Fields: version == .v1_1_0), "eth0")
        #expect(json["gateway"] == .array([.string("10.1.0.1")]))
        #expect(json["default-route"] == .array([.string("10.1.0.1")]))
        #expect(json["mtu"] == (version == .v1_1_0 ? JSONValue.int(1450) : nil))
        let keys = json.objectValue.map { Array($0.keys) } ?? []
        let expected = ["name", "interface", "ips", "mac"] + (version == .v1_1_0 ? ["mtu"] : []) + ["default", "dns", "gateway", "default-route"]
        #expect(keys == expected, "the spec's keys keep their order; the new ones sit where the client library puts them")
    }

    @Test("dual stack: the IPv6 default route's gateway; a route to another network is no default")
    func dualStack() throws {
        for version in CNIVersion.supported {
            let json = try Self.entry(CNIResultFixtures.dualStack(version), "net1")
            #expect(json["gateway"] == .array([.string("fd00:10::1")]), "\(version)")
        }
    }

    @Test("a default route without gw takes the gateway of the interface's address of its family")
    func impliedGateway() throws {
        let text = #"{"cniVersion":"0.3.1","interfaces":[{"name":"net1","sandbox":"/x"}],"ips":[{"version":"4","interface":0,"address":"10.9.0.5/24","gateway":"10.9.0.1"}],"routes":[{"dst":"0.0.0.0/0"},{"dst":"::/0"}]}"#
        let json = try Self.entry(text, "net1")
        #expect(json["gateway"] == .array([.string("10.9.0.1")]), "the IPv6 default has no gateway to name: left out")
    }

    @Test("no default route: no gateway key, no default-route key; the rest as before")
    func noDefaultRoute() throws {
        let text = #"{"cniVersion":"1.0.0","interfaces":[{"name":"net1","mac":"02:00:00:00:00:07","sandbox":"/x"}],"ips":[{"interface":0,"address":"10.9.0.5/24","gateway":"10.9.0.1"}],"routes":[{"dst":"10.96.0.0/12"}]}"#
        let json = try Self.entry(text, "net1")
        #expect(json.jsonText == #"{"name":"default/macnet","interface":"net1","ips":["10.9.0.5/24"],"mac":"02:00:00:00:00:07","default":false,"dns":{}}"#)
    }

    @Test("default-route moves the default route between results, per family")
    func resultAdjustment() throws {
        let cluster = try CNIResultFixtures.parse(CNIResultFixtures.bridge(.v1_0_0))
        let dual = try CNIResultFixtures.parse(CNIResultFixtures.dualStack(.v1_0_0))
        let gateway = IPAddress("192.168.10.1")!
        #expect(cluster.removingDefaultRoutes(of: [.v4]).routes.isEmpty)
        #expect(cluster.removingDefaultRoutes(of: [.v6]).routes == cluster.routes)
        let chosen = dual.replacingDefaultRoutes(with: [gateway])
        #expect(chosen.routes.map(\.dst.description) == ["::/0", "2001:db8::/32", "0.0.0.0/0"])
        #expect(chosen.defaultGateways(forInterface: "net1") == [IPAddress("fd00:10::1")!, gateway])
        let both = dual.replacingDefaultRoutes(with: [gateway, IPAddress("fd00:10::2")!])
        #expect(both.routes.map { "\($0.dst) \($0.gw.map(\.description) ?? "-")" } == ["2001:db8::/32 -", "0.0.0.0/0 192.168.10.1", "::/0 fd00:10::2"])
    }
}
