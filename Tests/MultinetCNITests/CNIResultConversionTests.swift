import Testing
import MultinetTestSupport
@testable import MultinetCNI
@testable import MultinetJSON

@Suite("CNI result conversion")
struct CNIResultConversionTests {
    @Test("converts the bridge result between every pair of versions",
          arguments: CNIVersion.supported, CNIVersion.supported)
    func bridgePairs(from: CNIVersion, to: CNIVersion) throws {
        let source = CNIResultFixtures.bridge(from, v1_1Fields: from == .v1_1_0)
        let written = try CNIResultFixtures.parse(source).json(as: to)
        // 1.1.0's fields survive only from 1.1.0 to 1.1.0.
        let expected = CNIResultFixtures.bridge(to, v1_1Fields: from == .v1_1_0 && to == .v1_1_0)
        #expect(written.jsonText == expected)
        #expect(written == (try JSONValue(parsing: expected)))
    }

    @Test("converts the dual-stack result between every pair of versions",
          arguments: CNIVersion.supported, CNIVersion.supported)
    func dualStackPairs(from: CNIVersion, to: CNIVersion) throws {
        let written = try CNIResultFixtures.parse(CNIResultFixtures.dualStack(from)).json(as: to)
        #expect(written.jsonText == CNIResultFixtures.dualStack(to))
    }

    @Test("0.3.1 written as 1.0.0 and read back writes the original 0.3.1 document")
    func roundTripThroughV1() throws {
        let original = try JSONValue(parsing: CNIResultFixtures.bridge(.v0_3_1))
        let v1 = try CNIResult(json: original).json(as: .v1_0_0)
        #expect(v1["cniVersion"] == .string("1.0.0"))
        #expect(v1["ips"]?.arrayValue?.allSatisfy { $0["version"] == nil } == true)
        let back = try CNIResult(json: v1).json(as: .v0_3_1)
        #expect(back == original)
        #expect(back["ips"]?.arrayValue?.first?["version"] == .string("4"))
    }

    @Test("1.1.0's fields are dropped for 1.0.0 and stay gone when converted back")
    func dropsV1_1Fields() throws {
        let full = try CNIResultFixtures.parse(CNIResultFixtures.bridge(.v1_1_0, v1_1Fields: true))
        let v1 = try full.json(as: .v1_0_0)
        let eth0 = v1["interfaces"]?.arrayValue?[2].objectValue
        #expect(eth0?.keys == ["name", "mac", "sandbox"])
        #expect(v1["routes"]?.arrayValue?.first?.objectValue?.keys == ["dst", "gw"])
        let back = try CNIResult(json: v1).json(as: .v1_1_0)
        #expect(back.jsonText == CNIResultFixtures.bridge(.v1_1_0))
        #expect(back["interfaces"]?.arrayValue?[2]["mtu"] == nil)
        #expect(back["routes"]?.arrayValue?.first?["table"] == nil)

        let converted = try full.converted(to: .v1_0_0)
        #expect(converted.cniVersion == .v1_0_0)
        #expect(converted.interfaces[2].mtu == nil && converted.interfaces[2].socketPath == nil
            && converted.interfaces[2].pciID == nil)
        #expect(converted.routes[0] == CNIRoute(dst: full.routes[0].dst, gw: full.routes[0].gw))
        #expect(try full.converted(to: .v1_1_0) == full)
    }

    @Test("0.3.0, 0.3.1 and 0.4.0 differ only in cniVersion")
    func zeroVersionsShareTheirShape() throws {
        let result = try CNIResultFixtures.parse(CNIResultFixtures.dualStack(.v1_0_0))
        var shapes: [JSONObject] = []
        for version in [CNIVersion.v0_3_0, .v0_3_1, .v0_4_0] {
            let document = try result.json(as: version)
            #expect(document["cniVersion"] == .string(version.description))
            var object = try #require(document.objectValue)
            object["cniVersion"] = nil
            shapes.append(object)
        }
        #expect(shapes[0] == shapes[1] && shapes[1] == shapes[2])
        #expect(shapes[0] != (try result.json(as: .v1_0_0).objectValue.map { object in
            var object = object
            object["cniVersion"] = nil
            return object
        }))
    }

    @Test("addresses are written in canonical form")
    func canonicalAddresses() throws {
        let text = #"{"cniVersion":"1.0.0","ips":[{"address":"FD00:0010:0:0:0:0:0:0007/64","gateway":"fd00:10:0::1"}],"#
            + #""routes":[{"dst":"0:0:0:0:0:0:0:0/0"}]}"#
        #expect(try CNIResultFixtures.parse(text).json(as: .v0_4_0).jsonText
            == #"{"cniVersion":"0.4.0","ips":[{"version":"6","address":"fd00:10::7/64","gateway":"fd00:10::1"}],"#
            + #""routes":[{"dst":"::/0"}]}"#)
    }

    @Test("converting to a version multinet does not speak is an incompatible-version error",
          arguments: ["0.1.0", "0.2.0", "1.2.0", "2.0.0"])
    func unsupportedTarget(version: String) throws {
        let result = try CNIResultFixtures.parse(CNIResultFixtures.bridge(.v1_0_0))
        let target = try #require(CNIVersion(version))
        let error = #expect(throws: CNIError.self) { try result.json(as: target) }
        #expect(error?.code == CNIErrorCode.incompatibleVersion)
        #expect(error?.msg.contains("to version \(version)") == true)
        #expect(throws: CNIError.self) { try result.converted(to: target) }
    }
}
