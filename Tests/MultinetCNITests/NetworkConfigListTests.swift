import Testing
@testable import MultinetCNI
@testable import MultinetJSON

@Suite("Network configuration lists")
struct NetworkConfigListTests {
    let conflist = #"{"cniVersion":"1.0.0","name":"mynet","disableGC":false,"plugins":[{"type":"bridge","bridge":"cni0","ipam":{"type":"host-local","subnet":"10.1.0.0/24"},"calicoUnknownKey":{"deep":[1,2]}},{"type":"portmap","capabilities":{"portMappings":true},"snat":true}]}"#

    @Test("keeps every key of the list and of each plugin")
    func keepsUnknownKeys() throws {
        let list = try NetworkConfigList(parsing: Array(conflist.utf8), source: "test")
        #expect(list.name == "mynet")
        #expect(list.cniVersion == .v1_0_0)
        #expect(list.pluginTypes == ["bridge", "portmap"])
        #expect(list.serialized() == Array(conflist.utf8))
    }

    @Test("builds each plugin's stdin with name, cniVersion and prevResult injected")
    func pluginConfig() throws {
        let list = try NetworkConfigList(parsing: Array(conflist.utf8), source: "test")
        let prev = try JSONValue(parsing: #"{"cniVersion":"1.0.0","ips":[]}"#)
        let second = list.pluginConfig(at: 1, prevResult: prev)
        #expect(second["name"] == .string("mynet"))
        #expect(second["cniVersion"] == .string("1.0.0"))
        #expect(second["prevResult"] == prev)
        #expect(second["snat"] == .bool(true))
        let first = list.pluginConfig(at: 0, prevResult: nil)
        #expect(first["calicoUnknownKey"]?["deep"] == .array([.int(1), .int(2)]))
        #expect(first["prevResult"] == nil)
    }

    @Test("lifts a single .conf into a list of one")
    func singleConf() throws {
        let text = #"{"cniVersion":"0.3.1","name":"mv","type":"macvlan","master":"eth0","ipam":{"type":"static"}}"#
        let list = try NetworkConfigList(parsing: Array(text.utf8), source: "test")
        #expect(list.plugins.count == 1)
        #expect(list.pluginTypes == ["macvlan"])
        #expect(list.pluginConfig(at: 0, prevResult: nil)["master"] == .string("eth0"))
        #expect(list.cniVersion == .v0_3_1)
    }

    @Test("gives runtimeConfig only to plugins declaring the capability")
    func runtimeConfig() throws {
        let list = try NetworkConfigList(parsing: Array(conflist.utf8), source: "test")
        let args = JSONObject([("portMappings", .array([.int(80)])), ("bandwidth", .object(JSONObject()))])
        let injected = list.injectingRuntimeConfig(args)
        #expect(injected.plugins[0]["runtimeConfig"] == nil)
        #expect(injected.plugins[1]["runtimeConfig"]?["portMappings"] == .array([.int(80)]))
        #expect(injected.plugins[1]["runtimeConfig"]?["bandwidth"] == nil)
    }

    @Test("rejects broken configurations", arguments: [
        ("[]", CNIErrorCode.invalidNetworkConfig, "must be a JSON object, not an array"),
        ("{", CNIErrorCode.decodingFailure, "is not valid JSON"),
        (#"{"cniVersion":"1.0.0","plugins":[{"type":"bridge"}]}"#, CNIErrorCode.invalidNetworkConfig, "has no \"name\""),
        (#"{"name":5,"type":"bridge"}"#, CNIErrorCode.invalidNetworkConfig, "\"name\" must be a string"),
        (#"{"name":"n","cniVersion":1,"type":"bridge"}"#, CNIErrorCode.invalidNetworkConfig, "\"cniVersion\" must be a string"),
        (#"{"name":"n","plugins":{}}"#, CNIErrorCode.invalidNetworkConfig, "\"plugins\" must be an array"),
        (#"{"name":"n","plugins":[]}"#, CNIErrorCode.invalidNetworkConfig, "\"plugins\" is empty"),
        (#"{"name":"n","plugins":[7]}"#, CNIErrorCode.invalidNetworkConfig, "plugins[0] must be an object"),
        (#"{"name":"n","plugins":[{"type":"bridge"},{}]}"#, CNIErrorCode.invalidNetworkConfig, "plugins[1].type is missing"),
        (#"{"name":"n"}"#, CNIErrorCode.invalidNetworkConfig, "\"type\" is missing"),
        (#"{"name":"n","type":"../../bin/sh"}"#, CNIErrorCode.invalidNetworkConfig, "bare file name"),
        (#"{"name":"n","type":"/usr/bin/id"}"#, CNIErrorCode.invalidNetworkConfig, "bare file name"),
        (#"{"name":"n","type":".."}"#, CNIErrorCode.invalidNetworkConfig, "'.' and '..'"),
        (#"{"name":"n","type":""}"#, CNIErrorCode.invalidNetworkConfig, "it is empty"),
        (#"{"name":"n","type":true}"#, CNIErrorCode.invalidNetworkConfig, "\"type\" must be a string"),
        (#"{"name":"n","type":"a","type":"b"}"#, CNIErrorCode.decodingFailure, "duplicate key"),
    ])
    func rejects(text: String, code: Int, fragment: String) {
        #expect {
            try NetworkConfigList(parsing: Array(text.utf8), source: "/etc/cni/net.d/x.conf")
        } throws: { error in
            guard let error = error as? CNIError else { return false }
            return error.code == code && error.description.contains(fragment) && error.msg.contains("/etc/cni/net.d/x.conf")
        }
    }
}
