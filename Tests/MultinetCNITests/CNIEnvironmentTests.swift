import Testing
@testable import MultinetCNI

@Suite("CNI environment")
struct CNIEnvironmentTests {
    static let valid: [String: String] = [
        "CNI_COMMAND": "ADD", "CNI_CONTAINERID": "abc-123_x.y", "CNI_NETNS": "/var/run/netns/x",
        "CNI_IFNAME": "eth0", "CNI_PATH": "/opt/cni/bin:/usr/lib/cni",
        "CNI_ARGS": "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0;K8S_POD_UID=u-1",
    ]

    static func with(_ changes: [String: String?]) -> [String: String] {
        var env = valid
        for (key, value) in changes { env[key] = value }
        return env
    }

    @Test("parses a runtime's ADD environment")
    func parsesAdd() throws {
        let env = try CNIEnvironment(Self.valid)
        #expect(env.command == .add)
        #expect(env.containerID == "abc-123_x.y")
        #expect(env.path == ["/opt/cni/bin", "/usr/lib/cni"])
        #expect(env.args.podNamespace == "default")
        #expect(env.args.podName == "web-0")
        #expect(env.args.podUID == "u-1")
        #expect(env.args["IgnoreUnknown"] == "1")
        #expect(env.args.raw == Self.valid["CNI_ARGS"])
    }

    @Test("DEL needs no netns; VERSION needs nothing but the command")
    func lenientCommands() throws {
        let del = try CNIEnvironment(Self.with(["CNI_COMMAND": "DEL", "CNI_NETNS": nil]))
        #expect(del.netns == "")
        let version = try CNIEnvironment(["CNI_COMMAND": "VERSION"])
        #expect(version.command == .version)
        let gc = try CNIEnvironment(["CNI_COMMAND": "GC", "CNI_PATH": "/opt/cni/bin"])
        #expect(gc.command == .gc)
    }

    /// Every environment the plugin rejects, with the code and a fragment of the message.
    @Test("rejects invalid environments", arguments: [
        (["CNI_COMMAND": nil], "CNI_COMMAND is not set"),
        (["CNI_COMMAND": "ATTACH"], "CNI_COMMAND \"ATTACH\" is not a CNI command"),
        (["CNI_COMMAND": "add"], "is not a CNI command"),
        (["CNI_CONTAINERID": nil], "CNI_CONTAINERID is not set"),
        (["CNI_CONTAINERID": "-abc"], "CNI_CONTAINERID \"-abc\" is invalid"),
        (["CNI_CONTAINERID": "abc/../x"], "is invalid"),
        (["CNI_CONTAINERID": "abc def"], "is invalid"),
        (["CNI_CONTAINERID": "é"], "is invalid"),
        (["CNI_IFNAME": nil], "CNI_IFNAME \"\" is not a valid interface name"),
        (["CNI_IFNAME": "eth0123456789012"], "the limit is 15"),
        (["CNI_IFNAME": "eth/0"], "must not contain '/' or ':'"),
        (["CNI_IFNAME": "eth:0"], "must not contain '/' or ':'"),
        (["CNI_IFNAME": "eth 0"], "whitespace"),
        (["CNI_IFNAME": ".."], "'.' and '..'"),
        (["CNI_NETNS": nil], "CNI_NETNS is not set"),
        (["CNI_NETNS": "var/run/netns/x"], "is not an absolute path"),
        (["CNI_PATH": nil], "CNI_PATH is not set"),
        (["CNI_PATH": "::"], "CNI_PATH is not set"),
        (["CNI_ARGS": "K8S_POD_NAME"], "CNI_ARGS: \"K8S_POD_NAME\" is not a KEY=VALUE pair"),
        (["CNI_ARGS": "A=1;;B=2"], "is not a KEY=VALUE pair"),
        (["CNI_ARGS": "=x"], "is not a KEY=VALUE pair"),
    ] as [([String: String?], String)])
    func rejects(changes: [String: String?], fragment: String) {
        #expect {
            try CNIEnvironment(Self.with(changes))
        } throws: { error in
            guard let error = error as? CNIError else { return false }
            return error.code == CNIErrorCode.invalidEnvironment && error.description.contains(fragment)
        }
    }
}
