import Foundation
import Glibc
import KubeAPIServerDouble
import MultinetCore
import MultinetJSON
import MultinetTestSupport
import Testing

/// Hostile and broken input from every side multinet reads — the environment, its stdin
/// configuration, the pod's annotations, NetworkAttachmentDefinitions and thick plugins'
/// templates — through the real binary and the apiserver double. Each case must end in a CNI
/// error with the expected code and a message naming what is at fault; multinet must not
/// crash (exit 1, no signal), must attach nothing (the netns holds only `lo`), reserve no
/// address, run nothing outside the plugin directories, and leave the records of a healthy
/// pod attached earlier on the same node untouched.
@Suite("End to end: hostile input", .endToEnd)
struct HostileInputTests {
    /// Where a hostile input comes from.
    enum Category: String, Sendable {
        case environment = "env"
        case stdin
        case annotation
        case nad = "NAD"
        case thick = "thick"
    }

    /// One hostile invocation.
    struct Case: Sendable, CustomTestStringConvertible {
        var category: Category
        var name: String
        /// The hostile pod's annotations.
        var annotations: [String: String] = [:]
        /// Objects seeded into the apiserver before anything runs.
        var seeds: [KubeJSON] = []
        /// Runs after the healthy pod was attached, before the hostile ADD.
        var prepare: (@Sendable (MultinetCluster) throws -> Void)?
        /// `CNI_*` variables to override (`K8S_POD_NAMESPACE`/`K8S_POD_NAME` go into `CNI_ARGS`).
        var environment: [String: String] = [:]
        /// The stdin configuration, when not the cluster's.
        var stdin: (@Sendable (MultinetCluster) -> Data)?
        var code: Int
        /// What the error (`msg` and `details`) must contain.
        var fragments: [String]
        /// What it must not contain (secrets, file contents).
        var absent: [String] = []
        /// Files under the node's directory that must not exist afterwards (a plugin outside
        /// the plugin directories would have created them).
        var forbiddenFiles: [String] = []
        var testDescription: String { "\(category.rawValue): \(name)" }
    }

    static let npwg = Dialect.npwg
    static let alpha = Dialect.alpha
    /// A marker the apiserver double rewrites into bytes that are not UTF-8.
    static let badUTF8Marker = "zzbadutf8zz"
    static let badUTF8Bytes: [UInt8] = [0xC3, 0x28, 0xFF]
    /// A secret the kubeconfig case hides in a file; it must never reach a message.
    static let secret = "SECRET-TOKEN-7f1d2c"

    static func config(_ cluster: MultinetCluster, _ extra: KeyValuePairs<String, JSONValue>) -> Data {
        Data(cluster.config(extra: extra).utf8)
    }

    static func nad(_ name: String, _ config: String) -> KubeJSON {
        KubeObjects.networkAttachmentDefinition(name: name, config: config)
    }

    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    /// A script outside every plugin directory that leaves `marker` behind when it runs,
    /// and a symbolic link `binDir/name` to it.
    static func outsideLink(_ cluster: MultinetCluster, name: String, marker: String) throws {
        let node = cluster.node
        let outside = try node.directory.directory("outside")
        let script = outside + "/" + name
        try "#!/bin/sh\ntouch \(node.directory.file(marker))\necho '{\"cniVersion\":\"1.0.0\"}'\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        try FileManager.default.createSymbolicLink(atPath: node.binDir + "/" + name, withDestinationPath: script)
    }

    static let environmentCases: [Case] = [
        Case(category: .environment, name: "K8S_POD_NAMESPACE is ..", environment: ["K8S_POD_NAMESPACE": ".."],
             code: 4, fragments: ["K8S_POD_NAMESPACE \"..\"", "DNS-1123"]),
        Case(category: .environment, name: "K8S_POD_NAME walks up the apiserver path",
             environment: ["K8S_POD_NAME": "web/../../secrets"],
             code: 4, fragments: ["K8S_POD_NAME \"web/../../secrets\"", "DNS-1123"]),
        Case(category: .environment, name: "K8S_POD_NAME of 300 characters",
             environment: ["K8S_POD_NAME": String(repeating: "w", count: 300)],
             code: 4, fragments: ["K8S_POD_NAME", "the limit is 253"]),
        Case(category: .environment, name: "CNI_IFNAME ../eth0", environment: ["CNI_IFNAME": "../eth0"],
             code: 4, fragments: ["CNI_IFNAME \"../eth0\"", "'/'"]),
        Case(category: .environment, name: "CNI_CONTAINERID of 2,000 characters",
             environment: ["CNI_CONTAINERID": String(repeating: "a", count: 2000)],
             code: 4, fragments: ["CNI_CONTAINERID", "is invalid", "at most 1024"]),
        Case(category: .environment, name: "CNI_PATH of relative directories only (never searched)",
             environment: ["CNI_PATH": "usr/lib/cni:../../../usr/lib/cni"],
             code: 7, fragments: ["default/web", "failed to find plugin \"bridge\""]),
    ]

    static let stdinCases: [Case] = [
        Case(category: .stdin, name: "10 MB on stdin", stdin: { _ in Data(repeating: 0x20, count: 10_000_000) },
             code: 5, fragments: ["the configuration on stdin", "the limit is 4194304"]),
        Case(category: .stdin, name: "JSON nested 100,000 deep", stdin: { _ in Data(nested(100_000).utf8) },
             code: 6, fragments: ["not valid JSON", "128"]),
        Case(category: .stdin, name: "duplicate key inside runtimeConfig",
             stdin: { cluster in
                 let text = cluster.config(extra: ["runtimeConfig": .object(JSONObject([("portMappings", .array([]))]))])
                 return Data(text.replacingOccurrences(of: "\"portMappings\":[]", with: "\"portMappings\":[],\"portMappings\":[]").utf8)
             },
             code: 6, fragments: ["not valid JSON", "duplicate key \"portMappings\""]),
        Case(category: .stdin, name: "binDir entry with ../", stdin: { config($0, ["binDir": .array([.string("../../usr/bin")])]) },
             code: 7, fragments: ["\"binDir\" entry \"../../usr/bin\" must be an absolute path"]),
        Case(category: .stdin, name: "stateDir with a NUL byte", stdin: { config($0, ["stateDir": .string("/tmp/state\u{0}/x")]) },
             code: 7, fragments: ["\"stateDir\" must be an absolute path"]),
        Case(category: .stdin, name: "kubeconfig that is not one: its contents never reach the message",
             prepare: { cluster in
                 try "token: \(secret)\n  - [ {\n".write(toFile: cluster.node.directory.file("not-a-kubeconfig"),
                                                           atomically: true, encoding: .utf8)
             },
             stdin: { config($0, ["kubeconfig": .string($0.node.directory.file("not-a-kubeconfig"))]) },
             code: 7, fragments: ["cannot use the apiserver configuration", "not-a-kubeconfig"], absent: [secret]),
    ]

    static let annotationCases: [Case] = [
        Case(category: .annotation, name: "namespace ../ (comma form)", annotations: [npwg: "../macnet"],
             code: 7, fragments: ["default/web", npwg, "namespace \"..\" is invalid"]),
        Case(category: .annotation, name: "name with a slash (JSON form)", annotations: [npwg: #"[{"name":"mac/net"}]"#],
             code: 7, fragments: ["default/web", "network name \"mac/net\" is invalid"]),
        Case(category: .annotation, name: "name with a NUL (JSON form)", annotations: [npwg: #"[{"name":"mac\u0000net"}]"#],
             code: 7, fragments: ["default/web", "network name", "DNS-1123"]),
        Case(category: .annotation, name: "namespace with a NUL (comma form)", annotations: [npwg: "de\u{0}fault/macnet"],
             code: 7, fragments: ["default/web", "namespace", "DNS-1123"]),
        Case(category: .annotation, name: "name of 300 characters", annotations: [npwg: String(repeating: "n", count: 300)],
             code: 7, fragments: ["default/web", "the limit is 253"]),
        Case(category: .annotation, name: "namespace of 64 characters",
             annotations: [npwg: #"[{"name":"macnet","namespace":""# + String(repeating: "s", count: 64) + #""}]"#],
             code: 7, fragments: ["default/web", "namespace", "the limit is 63"]),
        Case(category: .annotation, name: "interface ../eth1", annotations: [npwg: "macnet@../eth1"],
             code: 7, fragments: ["default/web", "interface name \"../eth1\" is invalid", "'/'"]),
        Case(category: .annotation, name: "interface of 16 bytes",
             annotations: [npwg: #"[{"name":"macnet","interface":"abcdefghijklmnop"}]"#],
             code: 7, fragments: ["default/web", "interface name \"abcdefghijklmnop\" is invalid", "the limit is 15"]),
        Case(category: .annotation, name: "alpha name ../dbnet", annotations: [alpha: "../dbnet"],
             code: 7, fragments: ["default/web", alpha, "no '/' or '@'"]),
        Case(category: .annotation, name: "1,000 networks (maximumSelections)",
             annotations: [npwg: (0..<1000).map { "n\($0)" }.joined(separator: ",")],
             code: 7, fragments: ["default/web", "it asks for 1000 networks; the limit is 32"]),
        Case(category: .annotation, name: "1,000 networks in the JSON form",
             annotations: [npwg: "[" + (0..<1000).map { #"{"name":"n\#($0)"}"# }.joined(separator: ",") + "]"],
             code: 7, fragments: ["default/web", "it asks for 1000 networks; the limit is 32"]),
        Case(category: .annotation, name: "annotation of 70,000 bytes (maximumAnnotationBytes)",
             annotations: [npwg: String(repeating: "a", count: 70_000)],
             code: 7, fragments: ["default/web", "it is 70000 bytes; the limit is 65536"]),
        Case(category: .annotation, name: "duplicate keys in the JSON form",
             annotations: [npwg: #"[{"name":"macnet","name":"othernet"}]"#],
             code: 7, fragments: ["default/web", "not valid JSON", "duplicate key \"name\""]),
        Case(category: .annotation, name: "JSON form nested 10,000 deep", annotations: [npwg: nested(10_000)],
             code: 7, fragments: ["default/web", "not valid JSON", "128"]),
        Case(category: .annotation, name: "look-alike Cyrillic letter in the name", annotations: [npwg: "m\u{0430}cnet"],
             code: 7, fragments: ["default/web", "DNS-1123"]),
        Case(category: .annotation, name: "invalid UTF-8 in the pod from the apiserver",
             annotations: [npwg: "macnet" + badUTF8Marker],
             prepare: { cluster in
                 cluster.server.faults.rewriteAllBodies(replacing: Array(badUTF8Marker.utf8), with: badUTF8Bytes,
                                                        matching: .path("/api/v1/namespaces/default/pods/web"))
             },
             code: 7, fragments: ["cannot read pod default/web from the apiserver", "UTF-8"]),
        Case(category: .annotation, name: "invalid UTF-8 in annotations passed by the runtime",
             stdin: { cluster in
                 let text = cluster.config(extra: ["runtimeConfig": .object(JSONObject([(Multinet.podAnnotationsCapability,
                     .object(JSONObject([(npwg, .string("macnet" + badUTF8Marker))])))]))])
                 var bytes = Array(text.utf8)
                 let marker = Array(badUTF8Marker.utf8)
                 if let start = (0...(bytes.count - marker.count)).first(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }) {
                     bytes.replaceSubrange(start..<(start + marker.count), with: badUTF8Bytes)
                 }
                 return Data(bytes)
             },
             code: 6, fragments: ["not valid JSON", "invalid UTF-8"]),
        Case(category: .annotation, name: "namespace .. in annotations passed by the runtime",
             stdin: { config($0, ["runtimeConfig": .object(JSONObject([(Multinet.podAnnotationsCapability,
                                                                         .object(JSONObject([(npwg, .string("../macnet"))])))]))]) },
             code: 7, fragments: ["default/web", "namespace \"..\" is invalid"]),
    ]

    static let nadCases: [Case] = [
        Case(category: .nad, name: "spec.config is not JSON", annotations: [npwg: "bad"], seeds: [nad("bad", "{\"cniVersion\":")],
             code: 6, fragments: ["default/web", "NetworkAttachmentDefinition default/bad: spec.config is not valid JSON"]),
        Case(category: .nad, name: "spec.config is an array", annotations: [npwg: "bad"], seeds: [nad("bad", "[1,2]")],
             code: 7, fragments: ["default/web", "spec.config must be a JSON object, not"]),
        Case(category: .nad, name: "spec.config without type", annotations: [npwg: "bad"],
             seeds: [nad("bad", #"{"cniVersion":"1.0.0"}"#)],
             code: 7, fragments: ["default/web", "default/bad", "\"type\" is missing"]),
        Case(category: .nad, name: "plugins is empty", annotations: [npwg: "bad"],
             seeds: [nad("bad", #"{"cniVersion":"1.0.0","plugins":[]}"#)],
             code: 7, fragments: ["default/bad", "\"plugins\" is empty"]),
        Case(category: .nad, name: "cniVersion is not a string", annotations: [npwg: "bad"],
             seeds: [nad("bad", #"{"cniVersion":1.0,"type":"loopback"}"#)],
             code: 7, fragments: ["default/bad", "\"cniVersion\" must be a string"]),
        Case(category: .nad, name: "type is a path", annotations: [npwg: "bad"],
             seeds: [nad("bad", #"{"cniVersion":"1.0.0","type":"../../../usr/bin/id"}"#)],
             code: 7, fragments: ["default/bad", "\"../../../usr/bin/id\" is not a plugin name", "bare file name"]),
        Case(category: .nad, name: "type is multinet (recursion)", annotations: [npwg: "loop"],
             seeds: [nad("loop", #"{"cniVersion":"1.0.0","type":"multinet"}"#)],
             code: 7, fragments: ["default/web", "default/loop", "is multinet itself"]),
        Case(category: .nad, name: "no spec.config, and the conf file of its name is multinet's (recursion)",
             annotations: [npwg: "loopy"], seeds: [KubeObjects.networkAttachmentDefinition(name: "loopy")],
             prepare: { try $0.node.writeConf("30-loopy.conf", #"{"cniVersion":"1.0.0","name":"loopy","type":"multinet"}"#) },
             code: 7, fragments: ["default/loopy", "has no spec.config"]),
        Case(category: .nad, name: "duplicate keys in spec.config", annotations: [npwg: "bad"],
             seeds: [nad("bad", #"{"cniVersion":"1.0.0","type":"loopback","type":"bridge"}"#)],
             code: 6, fragments: ["default/bad", "duplicate key \"type\""]),
        Case(category: .nad, name: "spec.config nested 10,000 deep", annotations: [npwg: "bad"],
             seeds: [nad("bad", #"{"cniVersion":"1.0.0","type":"loopback","x":"# + nested(10_000) + "}")],
             code: 6, fragments: ["default/bad", "not valid JSON", "128"]),
        Case(category: .nad, name: "invalid UTF-8 in spec.config", annotations: [npwg: "bad"],
             seeds: [nad("bad", #"{"cniVersion":"1.0.0","type":"loopback","note":"\#(badUTF8Marker)"}"#)],
             prepare: { cluster in
                 cluster.server.faults.rewriteAllBodies(
                     replacing: Array(badUTF8Marker.utf8), with: badUTF8Bytes,
                     matching: .path("/apis/k8s.cni.cncf.io/v1/namespaces/default/network-attachment-definitions/bad"))
             },
             code: 7, fragments: ["default/web", "NetworkAttachmentDefinition default/bad", "UTF-8"]),
        Case(category: .nad, name: "type is a symlink in binDir to a binary outside the plugin dirs", annotations: [npwg: "bad"],
             seeds: [nad("bad", #"{"cniVersion":"1.0.0","type":"escape"}"#)],
             prepare: { try outsideLink($0, name: "escape", marker: "escape-ran") },
             code: 7, fragments: ["default/web", "plugin \"escape\"", "is a symbolic link to", "/outside/escape",
                                  "outside the plugin directories"],
             forbiddenFiles: ["escape-ran"]),
        Case(category: .nad, name: "symlinked type without cniVersion (version negotiation must not run it either)",
             annotations: [npwg: "bad"], seeds: [nad("bad", #"{"type":"escape"}"#)],
             prepare: { try outsideLink($0, name: "escape", marker: "escape-ran") },
             code: 7, fragments: ["plugin \"escape\"", "is a symbolic link to", "/outside/escape"],
             forbiddenFiles: ["escape-ran"]),
    ]

    static let thickCases: [Case] = [
        Case(category: .thick, name: "spec.plugin is a path", annotations: [alpha: "thick"],
             seeds: [KubeObjects.network(name: "thick", plugin: "../../usr/bin/id")],
             code: 7, fragments: ["default/web", "Network default/thick: spec.plugin \"../../usr/bin/id\" is not a plugin name"]),
        Case(category: .thick, name: "spec.plugin is multinet (recursion)", annotations: [alpha: "thick"],
             seeds: [KubeObjects.network(name: "thick", plugin: "multinet")],
             code: 7, fragments: ["default/web", "Network default/thick", "is multinet itself"]),
        Case(category: .thick, name: "template is not JSON", annotations: [alpha: "thick"],
             seeds: [KubeObjects.network(name: "thick", plugin: "thickplug")],
             prepare: { try $0.writeThickTemplate("thickplug.conf", "{\"cniVersion\":") },
             code: 6, fragments: ["default/web", "thickplug.conf is not valid JSON"]),
        Case(category: .thick, name: "template's type is a path", annotations: [alpha: "thick"],
             seeds: [KubeObjects.network(name: "thick", plugin: "thickplug")],
             prepare: { try $0.writeThickTemplate("thickplug.conf", #"{"cniVersion":"1.0.0","type":"../bin/thickplug"}"#) },
             code: 7, fragments: ["default/web", "thickplug.conf", "is not a plugin name"]),
        Case(category: .thick, name: "template's type is multinet (recursion)", annotations: [alpha: "thick"],
             seeds: [KubeObjects.network(name: "thick", plugin: "thickplug")],
             prepare: { try $0.writeThickTemplate("thickplug.conflist", #"{"cniVersion":"1.0.0","plugins":[{"type":"loopback"},{"type":"multinet"}]}"#) },
             code: 7, fragments: ["default/web", "thick template", "plugins[1].type \"multinet\" is multinet itself"]),
        Case(category: .thick, name: "template with duplicate keys", annotations: [alpha: "thick"],
             seeds: [KubeObjects.network(name: "thick", plugin: "thickplug")],
             prepare: { try $0.writeThickTemplate("thickplug.conf", #"{"cniVersion":"1.0.0","type":"thickplug","cniVersion":"0.4.0"}"#) },
             code: 6, fragments: ["thickplug.conf", "duplicate key \"cniVersion\""]),
        Case(category: .thick, name: "template of 5 MiB (over the 4 MiB file limit)", annotations: [alpha: "thick"],
             seeds: [KubeObjects.network(name: "thick", plugin: "thickplug")],
             prepare: { try $0.writeThickTemplate("thickplug.conf", String(repeating: " ", count: 5 << 20) + "{}") },
             code: 5, fragments: ["default/web", "cannot read", "thickplug.conf", "4194304"]),
        Case(category: .thick, name: "template symlinked to a secret file: its contents never reach the message",
             annotations: [alpha: "thick"], seeds: [KubeObjects.network(name: "thick", plugin: "thickplug")],
             prepare: { cluster in
                 let secretFile = cluster.node.directory.file("shadow")
                 try "root:\(secret):19000:0:99999:7:::\n".write(toFile: secretFile, atomically: true, encoding: .utf8)
                 try FileManager.default.createSymbolicLink(atPath: cluster.thickConfDir + "/thickplug.conf",
                                                            withDestinationPath: secretFile)
             },
             code: 6, fragments: ["default/web", "thickplug.conf is not valid JSON"], absent: [secret]),
        Case(category: .thick, name: "thick plugin is a symlink to a binary outside the plugin dirs (generated config)",
             annotations: [alpha: "thick"], seeds: [KubeObjects.network(name: "thick", plugin: "thickplug")],
             prepare: { try outsideLink($0, name: "thickplug", marker: "thick-ran") },
             code: 7, fragments: ["default/web", "plugin \"thickplug\"", "is a symbolic link to", "/outside/thickplug"],
             forbiddenFiles: ["thick-ran"]),
        Case(category: .thick, name: "thick plugin not installed", annotations: [alpha: "thick"],
             seeds: [KubeObjects.network(name: "thick", plugin: "nosuchthick")],
             code: 7, fragments: ["default/web", "failed to find plugin \"nosuchthick\""]),
    ]

    static let cases = environmentCases + stdinCases + annotationCases + nadCases + thickCases

    @Test("the table covers every category with at least 30 cases, names unique")
    func coverage() {
        #expect(Self.cases.count >= 30)
        for category in [Category.environment, .stdin, .annotation, .nad, .thick] {
            #expect(Self.cases.contains { $0.category == category }, "no \(category.rawValue) case")
        }
        #expect(Set(Self.cases.map(\.testDescription)).count == Self.cases.count)
    }

    @Test("hostile input: the right CNI error, no crash, nothing attached, reserved, run or lost", arguments: cases)
    func hostile(_ testCase: Case) async throws {
        try await MultinetCluster.with(annotations: testCase.annotations) { cluster in
            let node = cluster.node
            for object in testCase.seeds { try cluster.server.seed(object) }

            // A healthy pod attached first: its records and address must survive.
            let healthy = try await Self.attachHealthyPod(cluster)
            let healthyRecords = try cluster.records(of: healthy.id)
            let healthyReservations = try node.reservations.held(by: healthy.id)
            try #require(healthyRecords.count == 1 && healthyReservations.count == 1)

            try testCase.prepare?(cluster)
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            var invocation = cluster.invocation("ADD", containerID: id, netns: ns.path)
            if let stdin = testCase.stdin { invocation.config = stdin(cluster) }
            var podNamespace = cluster.podNamespace, podName = cluster.podName
            for (key, value) in testCase.environment {
                switch key {
                case "CNI_CONTAINERID": invocation.containerID = value
                case "CNI_IFNAME": invocation.ifname = value
                case "CNI_NETNS": invocation.netns = value
                case "CNI_PATH": invocation.cniPath = value.split(separator: ":").map(String.init)
                case "K8S_POD_NAMESPACE": podNamespace = value
                case "K8S_POD_NAME": podName = value
                default: invocation.extraEnvironment[key] = value
                }
            }
            invocation.args = RuntimeInvocation.kubernetesArgs(namespace: podNamespace, name: podName,
                                                               uid: cluster.podUID, containerID: id)
            let result = try await node.runner.run(invocation)

            #expect(result.signal == nil, "multinet crashed: \(result.summary)")
            #expect(result.exitCode == 1, "\(result.summary)")
            let error = try #require(result.cniError, "stdout is not a CNI error: \(result.summary)")
            #expect(error.code == testCase.code, "\(error)")
            for fragment in testCase.fragments {
                #expect(error.description.contains(fragment), "lacks \"\(fragment)\": \(error)")
            }
            for secret in testCase.absent {
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "leaked \"\(secret)\"")
                let log = (try? String(contentsOfFile: node.logFile, encoding: .utf8)) ?? ""
                #expect(!log.contains(secret), "leaked \"\(secret)\" into the log")
            }
            #expect(result.stdout.hasSuffix("\n") && result.stdout.filter { $0 == "\n" }.count == 1, "stdout carries only the error")
            for file in testCase.forbiddenFiles {
                #expect(!FileManager.default.fileExists(atPath: node.directory.file(file)), "a plugin outside the plugin dirs ran")
            }

            // Nothing attached, nothing reserved, nothing lost.
            #expect(try ns.linksBesidesLoopback().isEmpty, "\(result.summary)")
            #expect(try node.reservations.all() == healthyReservations, "\(result.summary)")
            #expect(try cluster.records(of: id).allSatisfy { $0.state == .addFailed })
            #expect(try cluster.records(of: healthy.id) == healthyRecords)
            #expect(try healthy.ns.linksBesidesLoopback() == ["eth0"])

            // The runtime's DEL of the hostile sandbox clears it; the healthy pod is untouched.
            try await cluster.run("DEL", containerID: id, netns: ns.path).requireSuccess()
            #expect(try cluster.records(of: id).isEmpty)
            #expect(try cluster.records(of: healthy.id) == healthyRecords)
            #expect(try node.integrityCheck() == "ok")
            try await node.runner.run(healthy.invocation(command: "DEL")).requireSuccess()
            #expect(try node.records().isEmpty)
            #expect(try node.reservations.all().isEmpty)
        }
    }

    /// The healthy pod `default/healthy`: attached to the default network only.
    struct HealthyPod {
        var id: String
        var ns: NetworkNamespace
        var base: RuntimeInvocation

        func invocation(command: String) -> RuntimeInvocation {
            var copy = base
            copy.command = command
            return copy
        }
    }

    static func attachHealthyPod(_ cluster: MultinetCluster) async throws -> HealthyPod {
        let seeded = try cluster.server.seed(KubeObjects.pod(name: "healthy", namespace: "default", nodeName: "node-a"))
        let uid = try #require(seeded.first?.value(at: "metadata.uid")?.stringValue)
        let ns = try cluster.node.namespace()
        let id = RuntimeInvocation.randomContainerID()
        var invocation = cluster.node.invocation("ADD", containerID: id, netns: ns.path, pod: "healthy", config: cluster.config())
        invocation.args = RuntimeInvocation.kubernetesArgs(namespace: "default", name: "healthy", uid: uid, containerID: id)
        let add = try await cluster.node.runner.run(invocation)
        try #require(add.succeeded, "the healthy pod's ADD failed: \(add.summary)")
        return HealthyPod(id: id, ns: ns, base: invocation)
    }
}
