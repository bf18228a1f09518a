import Testing
@testable import MultinetCNI
@testable import MultinetJSON

@Suite("CNI result validation")
struct CNIResultInvalidInputTests {
    /// A result with the bridge plugin's three interfaces and the given `ips` entries.
    static func withIPs(_ version: String, _ ips: String) -> String {
        #"{"cniVersion":"\#(version)","interfaces":[{"name":"cni0"},{"name":"veth0"},{"name":"eth0","sandbox":"/var/run/netns/x"}],"#
            + #""ips":[\#(ips)]}"#
    }

    static let invalidDocuments: [(String, Int, String)] = [
        ("[]", 6, "result: expected an object, found an array"),
        (#""1.0.0""#, 6, "result: expected an object, found a string"),
        ("null", 6, "result: expected an object, found null"),
        ("{}", 6, "result.cniVersion: missing"),
        (#"{"cniVersion":null}"#, 6, "result.cniVersion: missing"),
        (#"{"cniVersion":1.0}"#, 6, "result.cniVersion: expected a string, found a number"),
        (#"{"cniVersion":"0.2.0"}"#, 1, #"result.cniVersion: "0.2.0" is not a CNI version multinet supports"#),
        (#"{"cniVersion":"2.0.0"}"#, 1, #""2.0.0" is not a CNI version multinet supports (0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0)"#),
        (#"{"cniVersion":"latest"}"#, 1, #""latest" is not a CNI version"#),
        (withIPs("1.0.0", #"{"interface":3,"address":"10.1.0.5/16"}"#), 6,
         "result.ips[0].interface: 3 is out of range: the result lists 3 interfaces"),
        (withIPs("0.3.1", #"{"version":"4","interface":-1,"address":"10.1.0.5/16"}"#), 6,
         "result.ips[0].interface: -1 is out of range"),
        (#"{"cniVersion":"1.0.0","ips":[{"interface":0,"address":"10.1.0.5/16"}]}"#, 6,
         "result.ips[0].interface: 0 is out of range: the result lists 0 interfaces"),
        (withIPs("1.0.0", #"{"interface":"2","address":"10.1.0.5/16"}"#), 6,
         "result.ips[0].interface: expected an integer, found a string"),
        (withIPs("0.3.1", #"{"version":"6","interface":2,"address":"10.1.0.5/16"}"#), 6,
         #"result.ips[0].version: "6" does not match the IPv4 address 10.1.0.5/16"#),
        (withIPs("0.3.0", #"{"version":"4","address":"10.1.0.5/16"},{"version":"4","address":"fd00::5/64"}"#), 6,
         #"result.ips[1].version: "4" does not match the IPv6 address fd00::5/64"#),
        (withIPs("0.4.0", #"{"interface":2,"address":"10.1.0.5/16"}"#), 6,
         "result.ips[0].version: missing (required before CNI 1.0.0)"),
        (withIPs("0.3.1", #"{"version":"5","address":"10.1.0.5/16"}"#), 6,
         #"result.ips[0].version: "5" is not "4" or "6""#),
        (withIPs("0.3.1", #"{"version":4,"address":"10.1.0.5/16"}"#), 6,
         "result.ips[0].version: expected a string, found a number"),
        (withIPs("0.3.1", #"{"version":"4","address":167837957}"#), 6,
         "result.ips[0].address: expected a string, found a number"),
        (withIPs("1.0.0", #"{"interface":2}"#), 6, "result.ips[0].address: missing"),
        (withIPs("1.0.0", #"{"address":"10.1.0.5/16","gateway":"10.1.0.256"}"#), 6,
         #"result.ips[0].gateway: "10.1.0.256" is not an IP address"#),
        (withIPs("1.0.0", #"{"address":"10.1.0.5/16","gateway":"10.1.0.1/16"}"#), 6,
         #"result.ips[0].gateway: "10.1.0.1/16" is not an IP address"#),
        (withIPs("1.0.0", "null"), 6, "result.ips[0]: expected an object, found null"),
        (#"{"cniVersion":"1.0.0","ips":{}}"#, 6, "result.ips: expected an array, found an object"),
        (#"{"cniVersion":"1.0.0","interfaces":{"name":"eth0"}}"#, 6, "result.interfaces: expected an array, found an object"),
        (#"{"cniVersion":"1.0.0","interfaces":["eth0"]}"#, 6, "result.interfaces[0]: expected an object, found a string"),
        (#"{"cniVersion":"1.0.0","interfaces":[{"name":0}]}"#, 6, "result.interfaces[0].name: expected a string, found a number"),
        (#"{"cniVersion":"1.1.0","interfaces":[{"name":"eth0","mtu":"1500"}]}"#, 6,
         "result.interfaces[0].mtu: expected an integer, found a string"),
        (#"{"cniVersion":"1.1.0","interfaces":[{"name":"eth0","mtu":1500.5}]}"#, 6,
         "result.interfaces[0].mtu: expected an integer, found 1500.5"),
        (#"{"cniVersion":"1.0.0","routes":[{"gw":"10.0.0.1"}]}"#, 6, "result.routes[0].dst: missing"),
        (#"{"cniVersion":"1.0.0","routes":[{"dst":"default"}]}"#, 6, #"result.routes[0].dst: "default" is not an IP prefix"#),
        (#"{"cniVersion":"1.0.0","routes":[{"dst":"0.0.0.0/0","gw":"gateway"}]}"#, 6,
         #"result.routes[0].gw: "gateway" is not an IP address"#),
        (#"{"cniVersion":"1.1.0","routes":[{"dst":"0.0.0.0/0","table":"main"}]}"#, 6,
         "result.routes[0].table: expected an integer, found a string"),
        (#"{"cniVersion":"1.0.0","dns":[]}"#, 6, "result.dns: expected an object, found an array"),
        (#"{"cniVersion":"1.0.0","dns":{"nameservers":[10]}}"#, 6, "result.dns.nameservers[0]: expected a string, found a number"),
        (#"{"cniVersion":"1.0.0","dns":{"domain":true}}"#, 6, "result.dns.domain: expected a string, found a boolean"),
    ]

    @Test("rejects invalid results with the error code and the field", arguments: invalidDocuments)
    func rejects(document: String, code: Int, fragment: String) throws {
        let json = try JSONValue(parsing: document)
        let error = #expect(throws: CNIError.self) { try CNIResult(json: json) }
        #expect(error?.code == code)
        #expect(error?.msg.contains(fragment) == true, "message: \(error?.msg ?? "none")")
    }

    static let badPrefixes = [
        "10.0.0.1", "10.0.0.1/33", "fe80::1/129", "1.2.3", ":::1/64", "10.0.0.999/24", "10.0.0.1/",
        "/24", "10.0.0.1/24/8", "010.0.0.1/8", "10.0.0.1/08", "10.0.0.1/-1", " 10.0.0.1/24", "10.0.0.1/24 ",
        "1:2:3:4:5:6:7:8:9/64", "1::2::3/64", "fe80::1%eth0/64", "fe80::g/64", "12345::/16", "::ffff:1.2.3/96",
        "1.2.3.4::/64", "1:2:3:4:5:6:7::8/64", "", "/", "::1/1e2",
    ]

    @Test("rejects ips[].address values that are not IP prefixes", arguments: badPrefixes)
    func rejectsBadAddress(text: String) throws {
        let ips = #"{"interface":2,"address":"10.1.0.5/16"},{"address":\#(JSONValue.string(text).jsonText)}"#
        let json = try JSONValue(parsing: Self.withIPs("1.0.0", ips))
        let error = #expect(throws: CNIError.self) { try CNIResult(json: json) }
        #expect(error?.code == CNIErrorCode.decodingFailure)
        #expect(error?.msg == "result.ips[1].address: \(JSONValue.string(text).jsonText) is not an IP prefix")
    }
}
