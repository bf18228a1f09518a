import Foundation
import Testing
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetJSON
@testable import MultinetPlanning

/// Multus's keys in the plugin, in-process: which networks a pod gets, on which interfaces,
/// and when the apiserver is asked.
@Suite("multinet plugin: Multus keys")
struct MultusKeysPlanTests {
    static let dfltConf = #"{"cniVersion":"1.0.0","name":"dflt","type":"macvlan","master":"eth9"}"#
    static let bridgeNAD = #"{"cniVersion":"1.0.0","type":"bridge","bridge":"br-nad"}"#
    static let passAnnotations = #","runtimeConfig":{"io.kubernetes.cri.pod-annotations":{}}"#

    func fixture(namespace: String = "default", annotations: [String: String] = [:]) throws -> (MultinetFixture, FakeKube, Multinet) {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", MultinetTests.bridgeList)
        try f.write("20-dflt.conf", Self.dfltConf)
        let kube = FakeKube()
        kube.add(PodInfo(namespace: namespace, name: "web", uid: "u1", annotations: annotations))
        var plugin = f.plugin
        plugin.kubeFactory = kube
        return (f, kube, plugin)
    }

    func args(_ namespace: String) -> String { "IgnoreUnknown=1;K8S_POD_NAMESPACE=\(namespace);K8S_POD_NAME=web;K8S_POD_UID=u1" }

    @Test("clusterNetwork names a conf file's network: it is the pod's default on eth0, found without an apiserver")
    func clusterNetworkFile() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", MultinetTests.bridgeList)
        try f.write("20-dflt.conf", Self.dfltConf)
        _ = try await f.plugin.add(f.request(.add, extra: #","clusterNetwork":"dflt""#))
        #expect(f.executor.trace == ["macvlan ADD eth0"])
        let record = try #require(try f.store().attachments(containerID: "c1", runtimeIfName: "eth0").first)
        #expect((record.network, record.networkNamespace, record.networkKind, record.isDefault) == ("dflt", "", "file", true))
        // DEL of a container multinet has no record of goes to the cluster network too.
        try await f.plugin.del(f.request(.del, container: "unknown", extra: #","clusterNetwork":"dflt""#))
        #expect(f.executor.trace.last == "macvlan DEL eth0")
    }

    @Test("a bare clusterNetwork name is the NAD in multusNamespace first, as in Multus, then the file; a failing apiserver falls back to the file")
    func nadFirst() async throws {
        let (f, kube, plugin) = try fixture()
        kube.add(KubeObjectFixtures.nad("multus", "dflt", config: Self.bridgeNAD))
        let extra = #","clusterNetwork":"dflt","multusNamespace":"multus""# + Self.passAnnotations
        _ = try await plugin.add(f.request(.add, container: "c1", extra: extra))
        #expect(f.executor.trace == ["bridge ADD eth0"])
        let record = try #require(try f.store().attachments(containerID: "c1", runtimeIfName: "eth0").first)
        #expect((record.network, record.networkNamespace, record.networkKind) == ("dflt", "multus", "NetworkAttachmentDefinition"))

        kube.fail(with: CNIError(code: CNIErrorCode.tryAgainLater, msg: "apiserver unreachable"))
        _ = try await plugin.add(f.request(.add, container: "c2", extra: extra))
        #expect(f.executor.trace.last == "macvlan ADD eth0")

        kube.fail(with: nil)
        let other = #","clusterNetwork":"dflt","multusNamespace":"elsewhere""# + Self.passAnnotations
        _ = try await plugin.add(f.request(.add, container: "c3", extra: other))
        #expect(f.executor.trace.last == "macvlan ADD eth0")
    }

    @Test("clusterNetwork as a file path or a directory never contacts the apiserver")
    func paths() async throws {
        let (f, kube, plugin) = try fixture()
        let dir = f.root + "/cluster.d"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try #"{"cniVersion":"1.0.0","name":"dirnet","type":"tuning"}"#.write(toFile: dir + "/50-b.conf", atomically: true, encoding: .utf8)
        try #"{"cniVersion":"1.0.0","name":"first","plugins":[{"type":"bridge"}]}"#.write(toFile: dir + "/10-a.conflist", atomically: true, encoding: .utf8)
        _ = try await plugin.add(f.request(.add, container: "c1", extra: #","clusterNetwork":"\#(f.confDir)/20-dflt.conf""# + Self.passAnnotations))
        _ = try await plugin.add(f.request(.add, container: "c2", extra: #","clusterNetwork":"\#(dir)""# + Self.passAnnotations))
        #expect(f.executor.trace == ["macvlan ADD eth0", "bridge ADD eth0"])
        #expect(kube.made == 0)
        #expect(kube.requests == 0)
    }

    @Test("clusterNetwork namespace/name is that NAD")
    func object() async throws {
        let (f, kube, plugin) = try fixture()
        kube.add(KubeObjectFixtures.nad("infra", "pods", config: Self.bridgeNAD))
        _ = try await plugin.add(f.request(.add, extra: #","clusterNetwork":"infra/pods""#))
        #expect(f.executor.trace == ["bridge ADD eth0"])
        #expect(try f.store().attachments(containerID: "c1", runtimeIfName: "eth0").map(\.networkNamespace) == ["infra"])
    }

    @Test("defaultNetworks: net1, net2 after the cluster network, before the pod's own selections; in network-status")
    func defaultNetworks() async throws {
        let (f, kube, plugin) = try fixture(annotations: ["k8s.v1.cni.cncf.io/networks": "mine,mine@data0"])
        kube.add(KubeObjectFixtures.nad("kube-system", "storage", config: #"{"cniVersion":"1.0.0","type":"macvlan","master":"eth2"}"#))
        kube.add(KubeObjectFixtures.nad("default", "mine", config: #"{"cniVersion":"1.0.0","type":"tuning"}"#))
        try f.write("30-extra.conf", #"{"cniVersion":"1.0.0","name":"extra","type":"portmap"}"#)
        _ = try await plugin.add(f.request(.add, extra: #","clusterNetwork":"podnet","defaultNetworks":["storage","extra"]"#))
        #expect(f.executor.trace == ["bridge ADD eth0", "portmap ADD eth0", "macvlan ADD net1", "portmap ADD net2", "tuning ADD net3", "tuning ADD data0"])
        let patch = try #require(kube.patches.first)
        let status = try JSONValue(parsing: try #require(patch.annotations[NetworkStatus.annotation]))
        #expect(status.arrayValue?.map { $0["name"]?.stringValue } == ["podnet", "kube-system/storage", "extra", "default/mine", "default/mine"])
        #expect(status.arrayValue?.map { $0["interface"]?.stringValue } == ["eth0", "net1", "net2", "net3", "data0"])
    }

    @Test("defaultNetworks alone give a plain pod its extra interfaces and a network-status; a pod in a systemNamespace gets none")
    func systemNamespaces() async throws {
        let (f, kube, plugin) = try fixture()
        let extra = #","clusterNetwork":"podnet","defaultNetworks":["dflt"],"systemNamespaces":["infra"]"#
        _ = try await plugin.add(f.request(.add, container: "c1", extra: extra))
        #expect(f.executor.trace == ["bridge ADD eth0", "portmap ADD eth0", "macvlan ADD net1"])
        #expect(kube.patches.count == 1)

        kube.add(PodInfo(namespace: "infra", name: "web", uid: "u1", annotations: [:]))
        _ = try await plugin.add(f.request(.add, container: "c2", extra: extra, args: args("infra")))
        #expect(Array(f.executor.trace.suffix(2)) == ["bridge ADD eth0", "portmap ADD eth0"])
        #expect(kube.patches.count == 1)
    }

    @Test("delegates: the first inline config is the cluster network, the others follow on net1 …, then the pod's selections")
    func delegates() async throws {
        let (f, kube, plugin) = try fixture(annotations: ["k8s.v1.cni.cncf.io/networks": "mine"])
        kube.add(KubeObjectFixtures.nad("default", "mine", config: #"{"cniVersion":"1.0.0","type":"tuning"}"#))
        let extra = #","delegates":[{"cniVersion":"1.0.0","name":"inl","plugins":[{"type":"bridge","bridge":"br-inl"}]},{"cniVersion":"1.0.0","name":"second","type":"macvlan"}]"#
        _ = try await plugin.add(f.request(.add, extra: extra, args: args("default")))
        #expect(f.executor.trace == ["bridge ADD eth0", "macvlan ADD net1", "tuning ADD net2"])
        let bridge = try #require(f.executor.calls.first)
        #expect(bridge.stdin["bridge"]?.stringValue == "br-inl")
        #expect(bridge.stdin["name"]?.stringValue == "inl")
        let records = try f.store().attachments(containerID: "c1", runtimeIfName: "eth0")
        #expect(records.map(\.networkKind) == ["inline", "inline", "NetworkAttachmentDefinition"])
        try await plugin.del(f.request(.del))
        #expect(Array(f.executor.trace.suffix(3)) == ["tuning DEL net2", "macvlan DEL net1", "bridge DEL eth0"])
    }

    @Test("a clusterNetwork found nowhere: code 7 naming the key, the NAD and the conf dir; nothing runs")
    func notFound() async throws {
        let (f, _, plugin) = try fixture()
        await #expect {
            _ = try await plugin.add(f.request(.add, extra: #","clusterNetwork":"nowhere""#))
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == CNIErrorCode.invalidNetworkConfig
                && error.msg == "pod default/web: \"clusterNetwork\" (\"nowhere\"): NetworkAttachmentDefinition kube-system/nowhere does not exist, and \(f.confDir) holds no configuration file whose \"name\" is \"nowhere\""
        }
        #expect(f.executor.calls.isEmpty)
    }

    @Test("readinessindicatorfile: ADD waits for it; absent, the ADD fails with code 11 naming it and nothing runs")
    func readiness() async throws {
        let (f, _, plugin) = try fixture()
        let file = f.root + "/ready"
        let extra = #","readinessindicatorfile":"\#(file)","apiTimeoutSeconds":0.3"#
        await #expect {
            _ = try await plugin.add(f.request(.add, extra: extra))
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == CNIErrorCode.tryAgainLater
                && error.msg.hasPrefix("pod default/web: the cluster network is not ready: readinessindicatorfile \(file) does not exist after")
        }
        #expect(f.executor.calls.isEmpty)
        #expect(try f.store().allAttachments().isEmpty)
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        _ = try await plugin.add(f.request(.add, extra: extra))
        #expect(f.executor.trace == ["bridge ADD eth0", "portmap ADD eth0"])
    }

    @Test("STATUS: not ready (code 50) while the readinessindicatorfile is missing; a NAD cluster network is not checked")
    func status() async throws {
        let (f, _, plugin) = try fixture()
        let file = f.root + "/ready"
        let extra = #","readinessindicatorfile":"\#(file)","clusterNetwork":"infra/pods""#
        await #expect {
            try await plugin.status(f.request(.status, version: "1.1.0", extra: extra))
        } throws: { error in
            { let error = CNIError(reporting: error); return error.code == CNIErrorCode.pluginNotAvailable && error.msg.contains("readinessindicatorfile \(file) does not exist") }()
        }
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        try await plugin.status(f.request(.status, version: "1.1.0", extra: extra))
        #expect(f.executor.calls.isEmpty)
    }
}
