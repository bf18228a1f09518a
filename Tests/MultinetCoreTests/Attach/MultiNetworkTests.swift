import Foundation
import Testing
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetJSON
@testable import MultinetPlanning

/// Several networks on one pod, in-process: the fake executor records every delegate call.
@Suite("multinet plugin: several networks per pod")
struct MultiNetworkTests {
    static let macvlanNAD = #"{"cniVersion":"0.4.0","type":"macvlan","master":"veth0","capabilities":{"mac":true,"ips":true},"ipam":{"type":"static"}}"#

    func fixture(_ annotations: [String: String]) throws -> (MultinetFixture, FakeKube, Multinet) {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", MultinetTests.bridgeList)
        let kube = FakeKube()
        kube.add(PodInfo(namespace: "default", name: "web", uid: "u1", annotations: annotations))
        var plugin = f.plugin
        plugin.kubeFactory = kube
        return (f, kube, plugin)
    }

    /// A fake plugin result with a distinct address per interface.
    static func addressing(_ call: FakeDelegateExecutor.Call) throws(CNIError) -> [UInt8] {
        guard call.command == .add else { return try FakeDelegateExecutor.standard(call) }
        let ifName = call.environment["CNI_IFNAME"] ?? "?"
        let octet = ifName == "eth0" ? 5 : 50 + Int(String(ifName.last!))!
        return FakeDelegateExecutor.result(version: call.stdin["cniVersion"]?.stringValue ?? "1.0.0", ifName: ifName,
                                           netns: call.environment["CNI_NETNS"] ?? "", address: "10.1.\(octet).5/24")
    }

    @Test("NPWG dialect: default network on eth0, then each NAD on net1, net2 or its @ifname, in order; the runtime gets the default's result")
    func npwgOrder() async throws {
        let (f, kube, plugin) = try fixture(["k8s.v1.cni.cncf.io/networks": "macvlan-conf,other/ondisk@eth5"])
        kube.add(KubeObjectFixtures.nad("default", "macvlan-conf", config: Self.macvlanNAD))
        kube.add(KubeObjectFixtures.nad("other", "ondisk", config: nil))
        try f.write("20-ondisk.conf", #"{"cniVersion":"1.0.0","name":"ondisk","type":"bridge","bridge":"br-ondisk"}"#)
        f.executor.on("bridge", Self.addressing)
        f.executor.on("macvlan", Self.addressing)

        let result = try await plugin.add(f.request(.add, extra: #","runtimeConfig":{"portMappings":[{"hostPort":80,"containerPort":8080,"protocol":"tcp"}]}"#))
        #expect(f.executor.trace == ["bridge ADD eth0", "portmap ADD eth0", "macvlan ADD net1", "bridge ADD eth5"])
        // The NAD's config gets its name injected and keeps its own version; the kubelet's
        // runtimeConfig (portMappings) goes to the default network only.
        let macvlan = try #require(f.executor.calls.first { $0.type == "macvlan" })
        #expect(macvlan.stdin["name"]?.stringValue == "macvlan-conf")
        #expect(macvlan.stdin["cniVersion"]?.stringValue == "0.4.0")
        #expect(macvlan.stdin["runtimeConfig"] == nil)
        #expect(f.executor.calls[1].stdin["runtimeConfig"]?["portMappings"] != nil)
        #expect(result["ips"]?.arrayValue?.first?["address"]?.stringValue == "10.1.5.5/24")

        let records = try f.store().attachments(containerID: "c1", runtimeIfName: "eth0")
        #expect(records.map(\.ifName) == ["eth0", "net1", "eth5"])
        #expect(records.map(\.network) == ["podnet", "macvlan-conf", "ondisk"])
        #expect(records.map(\.networkNamespace) == ["", "default", "other"])
        #expect(records.map(\.networkKind) == ["file", "NetworkAttachmentDefinition", "NetworkAttachmentDefinition"])
        #expect(records.map(\.isDefault) == [true, false, false])
        #expect(records.allSatisfy { $0.state == .attached })

        // network-status: one entry per attachment, exactly one default.
        let patch = try #require(kube.patches.first)
        #expect(patch.pod == "default/web")
        let status = try JSONValue(parsing: try #require(patch.annotations[NetworkStatus.annotation]))
        let entries = try #require(status.arrayValue)
        #expect(entries.map { $0["name"]?.stringValue } == ["podnet", "default/macvlan-conf", "other/ondisk"])
        #expect(entries.map { $0["interface"]?.stringValue } == ["eth0", "net1", "eth5"])
        #expect(entries.map { $0["ips"]?.arrayValue?.first?.stringValue } == ["10.1.5.5/24", "10.1.51.5/24", "10.1.55.5/24"])
        #expect(entries.map { $0["default"]?.boolValue } == [true, false, false])
        #expect(entries.allSatisfy { $0["mac"]?.stringValue == "aa:bb:cc:00:00:02" && $0["dns"]?.objectValue != nil })
        #expect(kube.shutdowns == 1)

        // DEL tears everything down in reverse, with no apiserver request.
        let requests = kube.requests
        try await plugin.del(f.request(.del))
        #expect(Array(f.executor.trace.suffix(4)) == ["bridge DEL eth5", "macvlan DEL net1", "portmap DEL eth0", "bridge DEL eth0"])
        #expect(kube.requests == requests)
        #expect(try f.store().allAttachments().isEmpty)
    }

    @Test("alpha dialect: the first Network is the default on eth0, the others eth1, eth2; thin, template and generated thick configs")
    func alphaDialect() async throws {
        let (f, kube, plugin) = try fixture(["alpha.network.k8s.io/networks": "dbnet,othernet,thick-plugin-example,templated"])
        let thick = f.root + "/multinet.d"
        try FileManager.default.createDirectory(atPath: thick, withIntermediateDirectories: true)
        try #"{"cniVersion":"0.3.1","type":"tmpl-plugin","mtu":1400}"#.write(toFile: thick + "/tmpl-plugin.conf", atomically: true, encoding: .utf8)
        try f.write("30-dbnet.conflist", #"{"cniVersion":"1.0.0","name":"dbnet","plugins":[{"type":"bridge","bridge":"br-db"}]}"#)
        try f.write("31-othernet.conf", #"{"cniVersion":"1.0.0","name":"othernet","type":"macvlan","master":"veth0"}"#)
        kube.add(KubeObjectFixtures.network("default", "dbnet", plugin: nil))
        kube.add(KubeObjectFixtures.network("default", "othernet", plugin: ""))
        kube.add(KubeObjectFixtures.network("default", "thick-plugin-example", plugin: "thick-example"))
        kube.add(KubeObjectFixtures.network("default", "templated", plugin: "tmpl-plugin"))
        f.executor.install("thick-example")
        f.executor.install("tmpl-plugin")
        f.executor.on("thick-example") { call throws(CNIError) in
            if call.command == .version { return Array(#"{"cniVersion":"0.4.0","supportedVersions":["0.3.1","0.4.0"]}"#.utf8) }
            return try Self.addressing(call)
        }
        for type in ["bridge", "macvlan", "tmpl-plugin"] { f.executor.on(type, Self.addressing) }

        let result = try await plugin.add(f.request(.add, extra: #","thickConfDir":"\#(thick)""#))
        #expect(f.executor.trace == ["bridge ADD eth0", "macvlan ADD eth1", "thick-example VERSION -", "thick-example ADD eth2", "tmpl-plugin ADD eth3"])
        #expect(result["ips"]?.arrayValue?.first?["address"]?.stringValue == "10.1.5.5/24")
        let generated = try #require(f.executor.calls.first { $0.type == "thick-example" && $0.command == .add })
        #expect(generated.stdin["name"]?.stringValue == "thick-plugin-example")
        #expect(generated.stdin["cniVersion"]?.stringValue == "0.4.0")
        let templated = try #require(f.executor.calls.first { $0.type == "tmpl-plugin" })
        #expect(templated.stdin["name"]?.stringValue == "templated")
        #expect(templated.stdin["cniVersion"]?.stringValue == "0.3.1")
        #expect(templated.stdin["mtu"]?.intValue == 1400)
        let records = try f.store().attachments(containerID: "c1", runtimeIfName: "eth0")
        #expect(records.map(\.ifName) == ["eth0", "eth1", "eth2", "eth3"])
        #expect(records.map(\.network) == ["dbnet", "othernet", "thick-plugin-example", "templated"])
        #expect(records.map(\.isDefault) == [true, false, false, false])
        #expect(records.allSatisfy { $0.networkKind == "Network" })
        let status = try JSONValue(parsing: try #require(kube.patches.first?.annotations[NetworkStatus.annotation]))
        #expect(status.arrayValue?.map { $0["name"]?.stringValue } == ["default/dbnet", "default/othernet", "default/thick-plugin-example", "default/templated"])
    }

    @Test("the selected objects of one pod are looked up concurrently, and attached in the listed order")
    func concurrentLookups() async throws {
        let (f, kube, plugin) = try fixture(["k8s.v1.cni.cncf.io/networks": "a,b,c,d"])
        for name in ["a", "b", "c", "d"] {
            kube.add(KubeObjectFixtures.nad("default", name, config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
        }
        kube.delayLookups(by: 200_000_000)
        _ = try await plugin.add(f.request(.add))
        #expect(kube.maxInFlight == 4)
        #expect(f.executor.trace.filter { $0.hasPrefix("macvlan") } == ["macvlan ADD net1", "macvlan ADD net2", "macvlan ADD net3", "macvlan ADD net4"])
    }

    @Test("a failure rolls back what was attached, in reverse, and names the pod, network, interface and the delegate's message")
    func rollback() async throws {
        let (f, kube, plugin) = try fixture(["k8s.v1.cni.cncf.io/networks": "a,b"])
        kube.add(KubeObjectFixtures.nad("default", "a", config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
        kube.add(KubeObjectFixtures.nad("default", "b", config: #"{"cniVersion":"1.0.0","type":"tuning"}"#))
        f.executor.on("tuning") { call throws(CNIError) in
            if call.command == .add { throw CNIError(code: 7, msg: "sysctl net.ipv4.bogus not allowed") }
            return []
        }
        await #expect {
            try await plugin.add(f.request(.add))
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == 7 && error.msg.contains("pod default/web") && error.msg.contains("network \"default/b\" on interface net2")
                && error.msg.contains("sysctl net.ipv4.bogus not allowed")
        }
        #expect(f.executor.trace == ["bridge ADD eth0", "portmap ADD eth0", "macvlan ADD net1", "tuning ADD net2",
                                     "tuning DEL net2", "macvlan DEL net1", "portmap DEL eth0", "bridge DEL eth0"])
        #expect(kube.patches.isEmpty)
        // kubectl describe pod shows why.
        #expect(kube.events.count == 1)
        #expect(kube.events.first?.pod == "default/web")
        #expect(kube.events.first?.reason == "MultinetAttachFailed")
        #expect(kube.events.first?.message.contains("sysctl net.ipv4.bogus not allowed") == true)
        // The records stay as failed ADDs until the runtime's DEL, which removes them.
        let records = try f.store().allAttachments()
        #expect(records.count == 3 && records.allSatisfy { $0.state == .addFailed })
        try await plugin.del(f.request(.del))
        #expect(try f.store().allAttachments().isEmpty)
    }

    @Test("DEL continues past failures, in reverse, and reports them in one error; failed records are kept")
    func delAggregates() async throws {
        let (f, kube, plugin) = try fixture(["k8s.v1.cni.cncf.io/networks": "a,b"])
        kube.add(KubeObjectFixtures.nad("default", "a", config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
        kube.add(KubeObjectFixtures.nad("default", "b", config: #"{"cniVersion":"1.0.0","type":"tuning"}"#))
        _ = try await plugin.add(f.request(.add))
        f.executor.on("macvlan") { call throws(CNIError) in
            if call.command == .del { throw CNIError(code: 11, msg: "link busy") }
            return try FakeDelegateExecutor.standard(call)
        }
        await #expect {
            try await plugin.del(f.request(.del))
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == 11 && error.msg.contains("1 attachment(s) could not be torn down")
                && error.msg.contains("network \"default/a\" on net1: link busy")
        }
        #expect(Array(f.executor.trace.suffix(4)) == ["tuning DEL net2", "macvlan DEL net1", "portmap DEL eth0", "bridge DEL eth0"])
        let kept = try f.store().allAttachments()
        #expect(kept.map(\.ifName) == ["net1"])
        #expect(kept.first?.state == .delFailed)
    }

    @Test("CHECK runs every attachment with its own recorded result")
    func checkAll() async throws {
        let (f, kube, plugin) = try fixture(["k8s.v1.cni.cncf.io/networks": "a"])
        kube.add(KubeObjectFixtures.nad("default", "a", config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
        f.executor.on("macvlan", Self.addressing)
        _ = try await plugin.add(f.request(.add))
        try await plugin.check(f.request(.check))
        let check = try #require(f.executor.calls.first { $0.type == "macvlan" && $0.command == .check })
        #expect(check.stdin["prevResult"]?["ips"]?.arrayValue?.first?["address"]?.stringValue == "10.1.51.5/24")
        #expect(f.executor.trace.filter { $0.contains("CHECK") } == ["bridge CHECK eth0", "portmap CHECK eth0", "macvlan CHECK net1"])
    }

    @Test("per-selection ips and mac go to that delegate's runtimeConfig; cni-args to its args.cni")
    func selectionCapabilities() async throws {
        let annotation = #"[{"name":"macvlan-conf","ips":["10.9.0.7/24"],"mac":"02:00:00:00:00:07","cni-args":{"foo":"bar"}}]"#
        let (f, kube, plugin) = try fixture(["k8s.v1.cni.cncf.io/networks": annotation])
        kube.add(KubeObjectFixtures.nad("default", "macvlan-conf", config: Self.macvlanNAD))
        _ = try await plugin.add(f.request(.add))
        let macvlan = try #require(f.executor.calls.first { $0.type == "macvlan" })
        #expect(macvlan.stdin["runtimeConfig"]?["ips"]?.arrayValue == [.string("10.9.0.7/24")])
        #expect(macvlan.stdin["runtimeConfig"]?["mac"]?.stringValue == "02:00:00:00:00:07")
        #expect(macvlan.stdin["args"]?["cni"]?["foo"]?.stringValue == "bar")
        #expect(f.executor.calls.first { $0.type == "bridge" }?.stdin["runtimeConfig"] == nil)
    }

    @Test("GC collects every attachment of a container the runtime no longer lists, secondary ones included")
    func gcAll() async throws {
        let (f, kube, plugin) = try fixture(["k8s.v1.cni.cncf.io/networks": "a,b"])
        kube.add(KubeObjectFixtures.nad("default", "a", config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
        kube.add(KubeObjectFixtures.nad("default", "b", config: #"{"cniVersion":"1.0.0","type":"tuning"}"#))
        _ = try await plugin.add(f.request(.add, container: "keep"))
        _ = try await plugin.add(f.request(.add, container: "gone"))
        try await plugin.gc(f.request(.gc, version: "1.1.0",
                                      extra: #","cni.dev/valid-attachments":[{"containerID":"keep","ifname":"eth0"}]"#))
        let kept = try f.store().allAttachments()
        #expect(Set(kept.map(\.containerID)) == ["keep"])
        #expect(kept.count == 3)
        let deleted = f.executor.calls.filter { $0.command == .del }
        #expect(deleted.allSatisfy { $0.environment["CNI_CONTAINERID"] == "gone" })
        #expect(deleted.map { "\($0.type) \($0.environment["CNI_IFNAME"] ?? "")" } == ["tuning net2", "macvlan net1", "portmap eth0", "bridge eth0"])
    }

    @Test("a failed network-status write does not fail the ADD; it is recorded on the default attachment")
    func statusWriteFailure() async throws {
        let (f, kube, plugin) = try fixture(["k8s.v1.cni.cncf.io/networks": "a"])
        kube.add(KubeObjectFixtures.nad("default", "a", config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
        kube.failPatches(with: CNIError(code: 11, msg: "apiserver answered 503"))
        let result = try await plugin.add(f.request(.add))
        #expect(result["ips"] != nil)
        let store = try f.store()
        let records = try store.attachments(containerID: "c1", runtimeIfName: "eth0")
        #expect(records.allSatisfy { $0.state == .attached })
        #expect(records.first?.error?.contains("apiserver answered 503") == true)
        let history = try store.history(containerID: "c1", runtimeIfName: "eth0", ifName: "eth0")
        #expect(history.last?.operation == .statusWrite)
        #expect(history.last?.error?.contains("network-status") == true)
    }

    @Test("a plain pod gets no network-status patch and no extra request")
    func plainPodNoStatus() async throws {
        let (f, kube, plugin) = try fixture([:])
        _ = try await plugin.add(f.request(.add))
        #expect(kube.patches.isEmpty)
        #expect(kube.requests == 1)
    }

    /// A selection the plugin must refuse before any delegate runs.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var annotations: [String: String]
        var extra: String = ""
        var fragments: [String]
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "NAD missing", annotations: ["k8s.v1.cni.cncf.io/networks": "nope"],
                fragments: ["pod default/web", "element 1 (\"default/nope\")", "NetworkAttachmentDefinition default/nope does not exist"]),
        Refusal(name: "NAD without config and no file", annotations: ["k8s.v1.cni.cncf.io/networks": "empty"],
                fragments: ["NetworkAttachmentDefinition default/empty has no spec.config", "\"name\" is \"empty\""]),
        Refusal(name: "NAD config not JSON", annotations: ["k8s.v1.cni.cncf.io/networks": "garbled"],
                fragments: ["NetworkAttachmentDefinition default/garbled: spec.config is not valid JSON"]),
        Refusal(name: "Network missing", annotations: ["alpha.network.k8s.io/networks": "ghost"],
                fragments: ["element 1 (\"default/ghost\")", "Network default/ghost (alpha.network.k8s.io) does not exist"]),
        Refusal(name: "thin Network without file", annotations: ["alpha.network.k8s.io/networks": "thin"],
                fragments: ["Network default/thin is a thin network", "\"name\" is \"thin\""]),
        Refusal(name: "thick plugin with a path", annotations: ["alpha.network.k8s.io/networks": "escape"],
                fragments: ["Network default/escape: spec.plugin \"../../bin/sh\" is not a plugin name"]),
        Refusal(name: "namespace isolation", annotations: ["k8s.v1.cni.cncf.io/networks": "other/a"],
                extra: #","namespaceIsolation":true,"globalNamespaces":["shared"]"#,
                fragments: ["element 1 (\"other/a\")", "namespaceIsolation allows networks of namespaces default, shared only"]),
        Refusal(name: "capability not declared", annotations: ["k8s.v1.cni.cncf.io/networks": #"[{"name":"a","mac":"02:00:00:00:00:01"}]"#],
                fragments: ["network default/a: the selection sets \"mac\"", "declares the \"mac\" capability"]),
        Refusal(name: "no apiserver", annotations: [:],
                extra: #","runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"k8s.v1.cni.cncf.io/networks":"a"}}"#,
                fragments: ["selects networks with k8s.v1.cni.cncf.io/networks, but multinet has no apiserver"]),
    ]

    @Test("refused selections fail with code 7 naming pod and network; nothing runs, nothing is recorded", arguments: refusals)
    func refused(_ refusal: Refusal) async throws {
        var (f, kube, plugin) = try fixture(refusal.annotations)
        kube.add(KubeObjectFixtures.nad("default", "a", config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
        kube.add(KubeObjectFixtures.nad("other", "a", config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
        kube.add(KubeObjectFixtures.nad("default", "empty", config: nil))
        kube.add(KubeObjectFixtures.nad("default", "garbled", config: "{not json"))
        kube.add(KubeObjectFixtures.network("default", "thin", plugin: nil))
        kube.add(KubeObjectFixtures.network("default", "escape", plugin: "../../bin/sh"))
        if refusal.name == "no apiserver" { plugin.kubeFactory = NoKubeAccess() }
        let error = await #expect(throws: (any Error).self) {
            try await plugin.add(f.request(.add, extra: refusal.extra))
        }.map(CNIError.init(reporting:))
        #expect(error?.code == CNIErrorCode.invalidNetworkConfig || error?.code == CNIErrorCode.decodingFailure)
        for fragment in refusal.fragments {
            #expect(error?.msg.contains(fragment) == true, "\(error?.msg ?? "no error") lacks \(fragment)")
        }
        #expect(f.executor.calls.isEmpty)
        #expect(try f.store().allAttachments().isEmpty)
        #expect(kube.events.count == (refusal.name == "no apiserver" ? 0 : 1))
    }
}
