import Foundation
import Glibc
import MultinetJSON
import MultinetTestSupport
import Testing

/// Every input the plugin rejects, through the real binary: the right CNI error code, a
/// message naming what is at fault, exit status 1, nothing attached and nothing recorded.
@Suite("End to end: rejected input", .endToEnd)
struct RejectedInputTests {
    /// One rejected invocation: how it differs from a good ADD, and what must come back.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var environment: [String: String?] = [:]
        var stdin: (@Sendable (MultinetNode) -> Data)?
        var prepare: (@Sendable (MultinetNode) throws -> Void)?
        var code: Int
        var fragment: String
        /// Further fragments the message must contain.
        var also: [String] = []
        var testDescription: String { name }
    }

    static func multinetConfig(_ node: MultinetNode, _ extra: KeyValuePairs<String, JSONValue>) -> Data {
        Data(node.config(extra: extra).utf8)
    }

    static let cases: [Case] = [
        Case(name: "no CNI_COMMAND", environment: ["CNI_COMMAND": ""], code: 4, fragment: "CNI_COMMAND is not set"),
        Case(name: "unknown CNI_COMMAND", environment: ["CNI_COMMAND": "ATTACH"], code: 4, fragment: "\"ATTACH\" is not a CNI command"),
        Case(name: "container ID with a slash", environment: ["CNI_CONTAINERID": "../etc"], code: 4, fragment: "CNI_CONTAINERID \"../etc\" is invalid"),
        Case(name: "no container ID", environment: ["CNI_CONTAINERID": ""], code: 4, fragment: "CNI_CONTAINERID is not set"),
        Case(name: "interface name of 16 bytes", environment: ["CNI_IFNAME": "abcdefghijklmnop"], code: 4, fragment: "the limit is 15"),
        Case(name: "interface name with a slash", environment: ["CNI_IFNAME": "eth/0"], code: 4, fragment: "must not contain '/'"),
        Case(name: "relative netns", environment: ["CNI_NETNS": "netns/x"], code: 4, fragment: "CNI_NETNS \"netns/x\" is not an absolute path"),
        Case(name: "no netns on ADD", environment: ["CNI_NETNS": ""], code: 4, fragment: "CNI_NETNS is not set"),
        Case(name: "no CNI_PATH", environment: ["CNI_PATH": ""], code: 4, fragment: "CNI_PATH is not set"),
        Case(name: "malformed CNI_ARGS", environment: ["CNI_ARGS": "IgnoreUnknown"], code: 4, fragment: "\"IgnoreUnknown\" is not a KEY=VALUE pair"),
        Case(name: "stdin is not JSON", stdin: { _ in Data("{\"cniVersion\":".utf8) }, code: 6, fragment: "is not valid JSON"),
        Case(name: "stdin is invalid UTF-8", stdin: { _ in Data([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]) }, code: 6, fragment: "invalid UTF-8"),
        Case(name: "stdin with duplicate keys", stdin: { _ in Data(#"{"cniVersion":"1.0.0","confDir":"/a","confDir":"/b"}"#.utf8) }, code: 6, fragment: "duplicate key \"confDir\""),
        Case(name: "stdin over 4 MiB", stdin: { _ in Data(repeating: 0x20, count: 5 << 20) }, code: 5, fragment: "the limit is"),
        Case(name: "unsupported cniVersion", stdin: { _ in Data(#"{"cniVersion":"0.2.0","name":"multinet","type":"multinet"}"#.utf8) }, code: 1, fragment: "incompatible CNI version \"0.2.0\""),
        Case(name: "relative confDir", stdin: { multinetConfig($0, ["confDir": .string("net.d")]) }, code: 7, fragment: "\"confDir\" must be an absolute path"),
        Case(name: "stateDir of the wrong type", stdin: { multinetConfig($0, ["stateDir": .int(3)]) }, code: 7, fragment: "\"stateDir\" must be a string"),
        Case(name: "unknown logLevel", stdin: { multinetConfig($0, ["logLevel": .string("chatty")]) }, code: 7, fragment: "\"logLevel\" \"chatty\""),
        Case(name: "Multus's clusterNetwork as a relative path", stdin: { multinetConfig($0, ["clusterNetwork": .string("net.d/10-podnet.conflist")]) },
             code: 7, fragment: "\"clusterNetwork\" \"net.d/10-podnet.conflist\" is not a network name, namespace/name or an absolute path"),
        Case(name: "Multus's clusterNetwork naming no network", stdin: { multinetConfig($0, ["clusterNetwork": .string("absent")]) },
             code: 7, fragment: "\"clusterNetwork\" (\"absent\")", also: ["holds no configuration file whose \"name\" is \"absent\""]),
        Case(name: "Multus's defaultNetworks entry as a relative path",
             stdin: { multinetConfig($0, ["clusterNetwork": .string("podnet"), "defaultNetworks": .array([.string("../x")])]) },
             code: 7, fragment: "\"defaultNetworks[0]\" \"../x\" is not a network name"),
        Case(name: "Multus's inline delegate without a type", stdin: { multinetConfig($0, ["delegates": .array([.object(JSONObject([("name", .string("x"))]))])]) },
             code: 7, fragment: "\"delegates[0]\": \"type\" is missing"),
        Case(name: "Multus's readinessindicatorfile as a relative path", stdin: { multinetConfig($0, ["readinessindicatorfile": .string("run/ready")]) },
             code: 7, fragment: "\"readinessindicatorfile\" must be an absolute path"),
        Case(name: "Multus's readinessindicatorfile never appears",
             stdin: { multinetConfig($0, ["readinessindicatorfile": .string($0.directory.file("never")), "apiTimeoutSeconds": .number("0.5")]) },
             code: 11, fragment: "readinessindicatorfile ", also: ["does not exist after"]),
        Case(name: "a log level neither multinet's nor Multus's", stdin: { multinetConfig($0, ["logLevel": .string("warning")]) },
             code: 7, fragment: "\"logLevel\" \"warning\" is not one of error, warn, info, debug (or Multus's panic, verbose)"),
        Case(name: "missing conf dir", stdin: { multinetConfig($0, ["confDir": .string("/nonexistent/multinet/net.d")]) }, code: 7, fragment: "cannot read the CNI conf dir /nonexistent/multinet/net.d"),
        Case(name: "defaultNetwork names no file", stdin: { multinetConfig($0, ["defaultNetwork": .string("absent")]) }, code: 7, fragment: "the default network \"absent\" (defaultNetwork) has no configuration file"),
        Case(name: "default network's plugin is not installed",
             prepare: { try $0.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: "podnet", plugins: [JSONObject([("type", .string("no-such-plugin"))])])) },
             code: 7, fragment: "failed to find plugin \"no-such-plugin\""),
        Case(name: "default network's type is a path",
             prepare: { try $0.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: "podnet", plugins: [JSONObject([("type", .string("../../../usr/bin/id"))])])) },
             code: 7, fragment: "it must be a bare file name"),
        Case(name: "only multinet's own config in the conf dir",
             prepare: { try $0.removeConf("10-podnet.conflist") },
             code: 7, fragment: "holds no usable network configuration besides multinet's own"),
        Case(name: "second plugin of the list fails (tuning, bad sysctl): bridge rolled back, error names pod, network and interface",
             prepare: { node in
                 try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: "podnet", plugins: [
                     ConfigFixtures.bridgePlugin(bridge: node.bridge, subnet: node.subnet, dataDir: node.ipamDir),
                     JSONObject([("type", .string("tuning")), ("sysctl", .object(JSONObject([("net.ipv4.conf.eth0.no_such_key", .string("1"))])))]),
                 ]))
             },
             code: 999, fragment: "pod default/web (container ", also: ["network \"podnet\" on interface eth0", "no_such_key"]),
        Case(name: "delegate that exits 0 without a result",
             prepare: { node in
                 try node.writeDelegate("silent", script: "#!/bin/sh\nexit 0\n")
                 try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: "podnet", plugins: [JSONObject([("type", .string("silent"))])]))
             },
             code: 100, fragment: "exited 0 on ADD without printing a result"),
        Case(name: "delegate that prints garbage",
             prepare: { node in
                 try node.writeDelegate("garbage", script: "#!/bin/sh\necho 'this is not json'\n")
                 try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: "podnet", plugins: [JSONObject([("type", .string("garbage"))])]))
             },
             code: 6, fragment: "printed a result that is not JSON"),
        Case(name: "delegate that hangs past delegateTimeoutSeconds",
             stdin: { multinetConfig($0, ["delegateTimeoutSeconds": .number("0.5")]) },
             prepare: { node in
                 try node.writeDelegate("hang", script: "#!/bin/sh\n[ \"$CNI_COMMAND\" = ADD ] && sleep 30\nexit 0\n")
                 try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: "podnet", plugins: [JSONObject([("type", .string("hang"))])]))
             },
             code: 100, fragment: "did not finish ADD within 0.5 s"),
        Case(name: "delegate killed by a signal",
             prepare: { node in
                 try node.writeDelegate("crash", script: "#!/bin/sh\n[ \"$CNI_COMMAND\" = ADD ] && kill -SEGV $$\nexit 0\n")
                 try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: "podnet", plugins: [JSONObject([("type", .string("crash"))])]))
             },
             code: 100, fragment: "was killed by signal 11"),
    ]

    @Test("rejected input", arguments: cases)
    func rejected(_ testCase: Case) async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        try testCase.prepare?(node)
        let ns = try node.namespace()
        let id = RuntimeInvocation.randomContainerID()
        var invocation = node.invocation("ADD", containerID: id, netns: ns.path)
        if let stdin = testCase.stdin { invocation.config = stdin(node) }
        for (key, value) in testCase.environment {
            switch key {
            case "CNI_COMMAND": invocation.command = value ?? ""
            case "CNI_CONTAINERID": invocation.containerID = value ?? ""
            case "CNI_IFNAME": invocation.ifname = value ?? ""
            case "CNI_NETNS": invocation.netns = value ?? ""
            case "CNI_ARGS": invocation.args = value ?? ""
            case "CNI_PATH": invocation.cniPath = (value ?? "").split(separator: ":").map(String.init)
            default: invocation.extraEnvironment[key] = value ?? ""
            }
        }
        let result = try await node.runner.run(invocation)
        #expect(result.exitCode == 1, "\(result.summary)")
        let error = try #require(result.cniError, "stdout is not a CNI error: \(result.stdout)")
        #expect(error.code == testCase.code, "\(error)")
        for fragment in [testCase.fragment] + testCase.also {
            #expect(error.description.contains(fragment), "\(error)")
        }
        #expect(result.stdout.hasSuffix("\n") && result.stdout.filter { $0 == "\n" }.count == 1, "stdout carries only the error")
        // Nothing half-attached, nothing reserved.
        #expect(try ns.links().filter { $0 != "lo" }.isEmpty)
        #expect(try node.reservations.ips().isEmpty)
        // Whatever was recorded is a failed ADD the runtime's DEL will clear, never a live attachment.
        #expect(try node.records().allSatisfy { $0.state == .addFailed })
        try await node.runner.run(node.invocation("DEL", containerID: id, netns: ns.path)).requireSuccess()
        #expect(try node.records().isEmpty)
    }
}
