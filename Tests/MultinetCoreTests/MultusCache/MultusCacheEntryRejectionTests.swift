import Foundation
import MultinetTestSupport
import Testing
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetJSON

/// Broken and hostile cache entries: a file that is not a Multus entry at all is refused as
/// a whole; an element that cannot be used is kept with a problem naming the file, the
/// element and what is wrong, beside the elements that can.
@Suite("Multus cache entry: what is refused")
struct MultusCacheEntryRejectionTests {
    struct NotAnEntry: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var code: Int
        var fragment: String
        var testDescription: String { name }
    }

    static let notEntries: [NotAnEntry] = [
        NotAnEntry(name: "an empty file", bytes: [], code: 6, fragment: "the file is empty"),
        NotAnEntry(name: "only whitespace", bytes: Array(" \n\t".utf8), code: 6, fragment: "the file is empty"),
        NotAnEntry(name: "truncated (the sample cut at 1,000 bytes)", bytes: Array(MultusSample.cacheEntry.utf8.prefix(1000)),
                   code: 6, fragment: "not valid JSON (truncated or damaged)"),
        NotAnEntry(name: "not JSON", bytes: Array("this is not json\n".utf8), code: 6, fragment: "not valid JSON"),
        NotAnEntry(name: "bytes that are not UTF-8", bytes: [0x5B, 0xFF, 0xFE, 0x5D], code: 6, fragment: "not valid JSON"),
        NotAnEntry(name: "an object", bytes: Array(#"{"Bytes":"e30="}"#.utf8), code: 7, fragment: "it is an object, not an array of delegates"),
        NotAnEntry(name: "a string", bytes: Array(#""multus""#.utf8), code: 7, fragment: "it is a string, not an array"),
        NotAnEntry(name: "an empty array", bytes: Array("[]".utf8), code: 7, fragment: "it lists no delegates"),
        NotAnEntry(name: "an array of numbers", bytes: Array("[1,2]".utf8), code: 7, fragment: "element 0 is a number, not a delegate"),
        NotAnEntry(name: "objects without Bytes", bytes: Array(#"[{"Name":"x","type":"bridge"}]"#.utf8), code: 7,
                   fragment: "element 0 is an object without \"Bytes\""),
        NotAnEntry(name: "a good delegate, then one without Bytes",
                   bytes: Array(("[" + String(MultusSample.cacheEntry.dropFirst().dropLast()) + #",{"Name":"x"}]"#).utf8),
                   code: 7, fragment: "element 3 is an object without \"Bytes\""),
    ]

    @Test("a file that is not a Multus cache entry is refused, naming it", arguments: notEntries)
    func notAnEntry(_ input: NotAnEntry) {
        #expect {
            _ = try MultusCacheEntry(parsing: input.bytes, source: "/cni/multus/c1")
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == input.code && error.msg.contains("/cni/multus/c1 is not a Multus cache entry")
                && error.description.contains(input.fragment)
        }
    }

    struct BadDelegate: Sendable, CustomTestStringConvertible {
        var name: String
        var element: JSONValue
        var code: Int
        var fragments: [String]
        var testDescription: String { name }
    }

    static let bridge = #"{"cniVersion":"1.0.0","name":"bad","type":"bridge"}"#

    static func element(config: String = bridge, ifnameRequest: String? = nil,
                        _ extra: KeyValuePairs<String, JSONValue> = [:]) -> JSONValue {
        MultusCacheFixtures.delegate(name: "default/bad", config: config, ifnameRequest: ifnameRequest, extra: extra)
    }

    static let badDelegates: [BadDelegate] = [
        BadDelegate(name: "Bytes is not base64", element: element(["Bytes": .string("not base64!!")]),
                    code: 6, fragments: ["delegate 1 (\"default/bad\")", "Bytes is not valid base64"]),
        BadDelegate(name: "Bytes is null", element: element(["Bytes": .null]), code: 7, fragments: ["Bytes is empty"]),
        BadDelegate(name: "Bytes is empty", element: element(["Bytes": .string("")]), code: 7, fragments: ["Bytes is empty"]),
        BadDelegate(name: "Bytes is a number", element: element(["Bytes": .int(5)]), code: 7, fragments: ["Bytes must be a string"]),
        BadDelegate(name: "Bytes decodes to something that is not JSON",
                    element: element(["Bytes": .string(MultusCacheFixtures.base64("{\"type\":"))]),
                    code: 6, fragments: ["its configuration (Bytes, decoded) is not valid JSON"]),
        BadDelegate(name: "a plugin type that is an absolute path",
                    element: element(config: #"{"cniVersion":"1.0.0","name":"bad","type":"/bin/sh"}"#),
                    code: 7, fragments: ["\"type\" \"/bin/sh\" is not a plugin name", "without '/'"]),
        BadDelegate(name: "a plugin type that walks out of the bin dir",
                    element: element(config: #"{"cniVersion":"1.0.0","name":"bad","plugins":[{"type":"../../bin/sh"}]}"#),
                    code: 7, fragments: ["plugins[0].type \"../../bin/sh\" is not a plugin name"]),
        BadDelegate(name: "a plugin type of ..", element: element(config: #"{"cniVersion":"1.0.0","name":"bad","type":".."}"#),
                    code: 7, fragments: ["\"..\" is not a plugin name"]),
        BadDelegate(name: "a configuration without type", element: element(config: #"{"cniVersion":"1.0.0","name":"bad"}"#),
                    code: 7, fragments: ["\"type\" is missing"]),
        BadDelegate(name: "ifnameRequest that walks up", element: element(ifnameRequest: "../eth0"),
                    code: 7, fragments: ["ifnameRequest \"../eth0\" is not an interface name", "'/'"]),
        BadDelegate(name: "ifnameRequest of 16 bytes", element: element(ifnameRequest: "abcdefghijklmnop"),
                    code: 7, fragments: ["ifnameRequest \"abcdefghijklmnop\"", "the limit is 15"]),
        BadDelegate(name: "macRequest that is a number", element: element(["macRequest": .int(42)]),
                    code: 7, fragments: ["macRequest must be a string, not a number"]),
        BadDelegate(name: "ipRequest that is a string", element: element(["ipRequest": .string("10.0.0.1")]),
                    code: 7, fragments: ["ipRequest must be an array of strings, not a string"]),
        BadDelegate(name: "Name that is an object", element: element(["Name": .object(JSONObject())]),
                    code: 7, fragments: ["Name must be a string, not an object"]),
        BadDelegate(name: "ConfList lists plugins but Bytes is a single configuration",
                    element: element(["ConfList": .object(JSONObject([("plugins", .array([.object(JSONObject([("type", .string("bridge"))]))]))]))]),
                    code: 7, fragments: ["ConfList lists plugins, but its configuration (Bytes) is a single plugin configuration"]),
        BadDelegate(name: "Bytes is a list but ConfList lists no plugins",
                    element: element(config: #"{"cniVersion":"1.0.0","name":"bad","plugins":[{"type":"bridge"}]}"#, ["ConfList": .object(JSONObject())]),
                    code: 7, fragments: ["is a configuration list, but ConfList lists no plugins"]),
        BadDelegate(name: "a configuration list without name",
                    element: element(config: #"{"cniVersion":"1.0.0","plugins":[{"type":"bridge"}]}"#),
                    code: 7, fragments: ["its configuration list (Bytes) has no \"name\""]),
        BadDelegate(name: "CNINetworkConfigList that is a string", element: element(["CNINetworkConfigList": .string("x")]),
                    code: 7, fragments: ["CNINetworkConfigList must be an object, not a string"]),
        BadDelegate(name: "CNINetworkConfigList plugins whose Bytes are not base64",
                    element: element(["CNINetworkConfigList": .object(JSONObject([
                        ("Plugins", .array([.object(JSONObject([("Bytes", .string("%%%"))]))])),
                        ("Bytes", .string(MultusCacheFixtures.base64(#"{"name":"bad"}"#))),
                    ]))]),
                    code: 6, fragments: ["CNINetworkConfigList: Plugins[0]: Bytes is not valid base64"]),
    ]

    @Test("an element that cannot be torn down keeps a problem naming the file, the element and the field; the others are usable",
          arguments: badDelegates)
    func badDelegate(_ input: BadDelegate) throws {
        let good = MultusCacheFixtures.delegate(name: "good", config: #"{"cniVersion":"1.0.0","name":"good","plugins":[{"type":"bridge"}]}"#)
        let text = MultusCacheFixtures.entry([good, input.element])
        let entry = try MultusCacheEntry(parsing: Array(text.utf8), source: "/cni/multus/c1")
        #expect(entry.delegates.count == 2)
        #expect(entry.delegates[0].problem == nil)
        #expect(entry.delegates[0].configuration?.name == "good")
        let problem = try #require(entry.delegates[1].problem)
        #expect(problem.code == input.code)
        #expect(problem.msg.hasPrefix("/cni/multus/c1: delegate 1"))
        for fragment in input.fragments {
            #expect(problem.description.contains(fragment), "\(problem.description)")
        }
        #expect(entry.delegates[1].configuration == nil)
        // Its teardown carries the problem and nothing to run.
        let teardowns = entry.teardowns(containerID: "c1", runtimeIfName: "eth0", cniArgs: try CNIArgs(parsing: ""),
                                        runtimeConfig: JSONObject(), cniVersion: .v1_0_0)
        #expect(teardowns.first?.problem == problem)
        #expect(teardowns.first?.configuration == nil)
        #expect(teardowns.last?.configuration?.name == "good")
    }
}
