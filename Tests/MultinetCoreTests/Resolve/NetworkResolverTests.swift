import Foundation
import Testing
@testable import MultinetCNI
@testable import MultinetJSON
@testable import MultinetModel
@testable import MultinetPlanning

@Suite("network resolution: NADs and alpha Networks to configurations")
struct NetworkResolverTests {
    func resolver(_ f: MultinetFixture) -> NetworkResolver {
        NetworkResolver(confDirectory: ConfDirectory(path: f.confDir, ownName: "multinet"), thickConfDir: f.root + "/thick")
    }

    @Test("a NAD's spec.config is used as is, with name injected when missing; a config list keeps every key")
    func nadConfig() throws {
        let f = try MultinetFixture()
        let single = try resolver(f).resolve(KubeObjectFixtures.nad("ns", "a", config: #"{"cniVersion":"1.0.0","type":"macvlan","x":{"y":1}}"#))
        #expect(single.list.name == "a")
        #expect(single.list.plugins.first?["x"]?["y"]?.intValue == 1)
        #expect(single.kind == "NetworkAttachmentDefinition" && single.qualifiedName == "ns/a")
        let named = try resolver(f).resolve(KubeObjectFixtures.nad("ns", "b", config: #"{"cniVersion":"1.0.0","name":"own","plugins":[{"type":"bridge"},{"type":"tuning"}]}"#))
        #expect(named.list.name == "own")
        #expect(named.list.pluginTypes == ["bridge", "tuning"])
    }

    @Test("a NAD without spec.config uses the on-disk .conflist before the .conf of its name, never .json")
    func nadOnDisk() throws {
        let f = try MultinetFixture()
        try f.write("10-a.conf", #"{"cniVersion":"1.0.0","name":"a","type":"macvlan"}"#)
        try f.write("20-a.conflist", #"{"cniVersion":"1.0.0","name":"a","plugins":[{"type":"bridge"}]}"#)
        try f.write("30-j.json", #"{"cniVersion":"1.0.0","name":"j","type":"bridge"}"#)
        let a = try resolver(f).resolve(KubeObjectFixtures.nad("ns", "a", config: nil))
        #expect(a.list.pluginTypes == ["bridge"])
        #expect(a.source.hasSuffix("20-a.conflist"))
        #expect(throws: ResolutionError.self) { try resolver(f).resolve(KubeObjectFixtures.nad("ns", "j", config: "  ")) }
    }

    @Test("a thin Network is the on-disk file of its name; a thick one a template or a generated config")
    func alphaNetworks() throws {
        let f = try MultinetFixture()
        try f.write("10-dbnet.conf", #"{"cniVersion":"1.0.0","name":"dbnet","type":"bridge"}"#)
        try FileManager.default.createDirectory(atPath: f.root + "/thick", withIntermediateDirectories: true)
        try #"{"cniVersion":"0.3.1","plugins":[{"type":"vendor"},{"type":"tuning"}]}"#
            .write(toFile: f.root + "/thick/vendor.conflist", atomically: true, encoding: .utf8)
        let thin = try resolver(f).resolve(KubeObjectFixtures.network("ns", "dbnet", plugin: nil))
        #expect(thin.list.pluginTypes == ["bridge"] && thin.kind == "Network")
        let templated = try resolver(f).resolve(KubeObjectFixtures.network("ns", "fast", plugin: "vendor"))
        #expect(templated.list.name == "fast")
        #expect(templated.list.cniVersionText == "0.3.1")
        #expect(templated.list.pluginTypes == ["vendor", "tuning"])
        let generated = try resolver(f).resolve(KubeObjectFixtures.network("ns", "thick", plugin: "thick-example"))
        #expect(generated.list.json == .object(JSONObject([
            ("name", .string("thick")), ("plugins", .array([.object(JSONObject([("type", .string("thick-example"))]))])),
        ])))
        // The generated list has no version: the attach step negotiates it with VERSION.
        #expect(generated.list.cniVersion == nil)
    }

    @Test("no NAD, thick plugin or thick template may delegate back to multinet", arguments: [
        "nad", "nad-list", "thick-plugin", "thick-template",
    ])
    func refusesSelf(_ shape: String) throws {
        let f = try MultinetFixture()
        try FileManager.default.createDirectory(atPath: f.root + "/thick", withIntermediateDirectories: true)
        try #"{"cniVersion":"1.0.0","plugins":[{"type":"multinet"}]}"#
            .write(toFile: f.root + "/thick/wrapper.conflist", atomically: true, encoding: .utf8)
        let r = resolver(f)
        var expected = ""
        do {
            switch shape {
            case "nad":
                expected = "spec.config: \"type\" \"multinet\" is multinet itself"
                _ = try r.resolve(KubeObjectFixtures.nad("ns", "loop", config: #"{"cniVersion":"1.0.0","type":"multinet"}"#))
            case "nad-list":
                expected = "spec.config: plugins[1].type \"multinet\" is multinet itself"
                _ = try r.resolve(KubeObjectFixtures.nad("ns", "loop", config: #"{"cniVersion":"1.0.0","plugins":[{"type":"bridge"},{"type":"multinet"}]}"#))
            case "thick-plugin":
                expected = "Network ns/loop: spec.plugin \"multinet\" is multinet itself"
                _ = try r.resolve(KubeObjectFixtures.network("ns", "loop", plugin: "multinet"))
            default:
                expected = "thick template \(f.root)/thick/wrapper.conflist: \"type\" \"multinet\" is multinet itself"
                _ = try r.resolve(KubeObjectFixtures.network("ns", "loop", plugin: "wrapper"))
            }
            Issue.record("\(shape) was accepted")
        } catch {
            let error = CNIError(reporting: error)
            #expect(error.code == 7)
            #expect(error.msg.contains(expected), "\(error)")
        }
    }
}

@Suite("namespace isolation")
struct NamespacePolicyTests {
    static let pod = PodReference(namespace: "team-a", name: "web", uid: "u")

    static func request(_ namespaces: [String]) -> PodNetworkRequest {
        PodNetworkRequest(dialect: .multus, selections: namespaces.enumerated().map { index, namespace in
            .init(selection: NetworkSelection(name: "n\(index)", namespace: namespace), ifName: "net\(index + 1)", isDefault: false)
        })
    }

    @Test("which namespaces a pod may reach", arguments: [
        (false, [String](), ["other"], true),
        (true, [], ["team-a"], true),
        (true, [], ["team-a", "other"], false),
        (true, ["shared"], ["shared", "team-a"], true),
        (true, ["shared"], ["kube-system"], false),
    ])
    func policy(isolation: Bool, global: [String], namespaces: [String], allowed: Bool) {
        let policy = NamespacePolicy(isolation: isolation, globalNamespaces: global)
        var error: CNIError?
        do {
            try policy.check(Self.request(namespaces), pod: Self.pod)
        } catch let caught {
            error = CNIError(reporting: caught)
        }
        if allowed {
            #expect(error == nil)
        } else {
            #expect(error?.code == CNIErrorCode.invalidNetworkConfig)
            #expect(error?.msg.contains("pod team-a/web") == true)
            #expect(error?.msg.contains("namespaceIsolation") == true)
        }
    }
}

@Suite("network-status entries")
struct NetworkStatusTests {
    @Test("an entry carries the interface's addresses with prefix, its MAC, default and dns")
    func entry() throws {
        let result = try CNIResult(json: JSONValue(parsing: """
            {"cniVersion":"1.0.0","interfaces":[{"name":"br0","mac":"aa:00:00:00:00:01"},{"name":"net1","mac":"02:00:00:00:00:09","sandbox":"/run/netns/x"}],
             "ips":[{"interface":1,"address":"10.9.0.7/24"},{"interface":1,"address":"fd00::7/64"},{"interface":0,"address":"10.9.0.1/24"}],
             "dns":{"nameservers":["10.96.0.10"]}}
            """))
        let planned = PlannedAttachment(network: "macvlan-conf", networkNamespace: "default", kind: "NetworkAttachmentDefinition",
                                        ifName: "net1", isDefault: false,
                                        list: NetworkConfigList(object: JSONObject(), plugins: []), runtimeConfig: JSONObject())
        let entry = NetworkStatus.Entry(planned: planned, result: result)
        #expect(entry.json.jsonText == #"{"name":"default/macvlan-conf","interface":"net1","ips":["10.9.0.7/24","fd00::7/64"],"mac":"02:00:00:00:00:09","default":false,"dns":{"nameservers":["10.96.0.10"]}}"#)
        #expect(NetworkStatus.value([entry]).hasPrefix("[{\"name\""))
    }
}
