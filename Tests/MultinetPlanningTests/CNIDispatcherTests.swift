import Testing
@testable import MultinetCNI
@testable import MultinetJSON
@testable import MultinetPlanning

/// A plugin that records which command it was given.
private final class RecordingPlugin: CNIPlugin {
    var commands: [CNICommand] = []
    var failWith: (any Error)?
    func add(_ request: CNIRequest) async throws -> JSONValue {
        commands.append(.add)
        if let failWith { throw failWith }
        return .object(JSONObject([("cniVersion", .string(request.config.cniVersion.description))]))
    }
    func del(_ request: CNIRequest) async throws { commands.append(.del) }
    func check(_ request: CNIRequest) async throws { commands.append(.check) }
    func status(_ request: CNIRequest) async throws { commands.append(.status) }
    func gc(_ request: CNIRequest) async throws { commands.append(.gc) }
}

@Suite("CNI dispatcher (skel)")
struct CNIDispatcherTests {
    let env = ["CNI_COMMAND": "ADD", "CNI_CONTAINERID": "c1", "CNI_NETNS": "/run/netns/x", "CNI_IFNAME": "eth0", "CNI_PATH": "/opt/cni/bin"]
    let config = Array(#"{"cniVersion":"0.4.0","name":"multinet","type":"multinet"}"#.utf8)

    @Test("VERSION lists the supported versions in the requested version")
    func version() async throws {
        let outcome = await CNIDispatcher.run(environment: ["CNI_COMMAND": "VERSION"], stdin: Array(#"{"cniVersion":"0.4.0"}"#.utf8)) { _ in RecordingPlugin() }
        #expect(outcome.exitCode == 0)
        let json = try JSONValue(parsing: outcome.stdout)
        #expect(json["cniVersion"] == .string("0.4.0"))
        #expect(json["supportedVersions"] == .array(["0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"].map(JSONValue.string)))
    }

    @Test("dispatches each command to its function", arguments: [CNICommand.add, .del, .check, .status, .gc])
    func dispatches(command: CNICommand) async {
        let plugin = RecordingPlugin()
        var e = env
        e["CNI_COMMAND"] = command.rawValue
        let outcome = await CNIDispatcher.run(environment: e, stdin: config) { _ in plugin }
        #expect(outcome.exitCode == 0)
        #expect(plugin.commands == [command])
        #expect(outcome.stdout.isEmpty == (command != .add))
    }

    @Test("errors are printed as CNI JSON on stdout with exit 1, in the caller's version")
    func errors() async throws {
        let plugin = RecordingPlugin()
        plugin.failWith = CNIError(code: 7, msg: "bad network", details: "more")
        let outcome = await CNIDispatcher.run(environment: env, stdin: config) { _ in plugin }
        #expect(outcome.exitCode == 1)
        let json = try JSONValue(parsing: outcome.stdout)
        #expect(json["code"] == .int(7))
        #expect(json["msg"] == .string("bad network"))
        #expect(json["details"] == .string("more"))
        #expect(json["cniVersion"] == .string("0.4.0"))
    }

    /// A domain error as a layer above the wire defines one.
    struct StoreUnavailable: CNIErrorConvertible {
        var path: String
        var cniError: CNIError { CNIError(code: CNIErrorCode.storeFailure, msg: "cannot open the store at \(path)") }
    }

    /// An error that is not meant for the runtime.
    struct Unexpected: Error, CustomStringConvertible {
        var description: String { "an unexpected state" }
    }

    @Test("a domain error is printed as its own CNI error; any other error as code 104 with its description")
    func domainErrors() async throws {
        let plugin = RecordingPlugin()
        plugin.failWith = StoreUnavailable(path: "/var/lib/multinet")
        let mapped = try JSONValue(parsing: await CNIDispatcher.run(environment: env, stdin: config) { _ in plugin }.stdout)
        #expect(mapped["code"] == .int(101))
        #expect(mapped["msg"] == .string("cannot open the store at /var/lib/multinet"))
        plugin.failWith = Unexpected()
        let outcome = await CNIDispatcher.run(environment: env, stdin: config) { _ in plugin }
        #expect(outcome.exitCode == 1)
        let unknown = try JSONValue(parsing: outcome.stdout)
        #expect(unknown["code"] == .int(104))
        #expect(unknown["msg"] == .string("multinet failed unexpectedly"))
        #expect(unknown["details"] == .string("an unexpected state"))
    }

    @Test("an invalid environment never reaches the plugin")
    func invalidEnvironment() async throws {
        let plugin = RecordingPlugin()
        var e = env
        e["CNI_IFNAME"] = "this-name-is-too-long"
        let outcome = await CNIDispatcher.run(environment: e, stdin: config) { _ in plugin }
        #expect(outcome.exitCode == 1)
        #expect(plugin.commands.isEmpty)
        #expect(try JSONValue(parsing: outcome.stdout)["code"] == .int(4))
    }
}
