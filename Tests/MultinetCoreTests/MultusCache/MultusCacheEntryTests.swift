import Foundation
import MultinetTestSupport
import Testing
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetJSON
@testable import MultinetKube

@Suite("Multus cache entry: parsing the delegates Multus saved")
struct MultusCacheEntryTests {
    static let source = "/var/lib/cni/multus/" + MultusSample.containerID

    static func sample() throws -> MultusCacheEntry {
        try MultusCacheEntry(parsing: Array(MultusSample.cacheEntry.utf8), source: source)
    }

    @Test("the entry Multus v4.2.2 wrote for a three-network pod: names, interfaces, requests and the exact configurations")
    func sampleEntry() throws {
        let entry = try Self.sample()
        #expect(entry.delegates.map(\.name) == ["dflt", "default/storage", "default/backend"])
        #expect(entry.delegates.allSatisfy { $0.problem == nil })
        #expect(entry.delegates.map(\.isConfList) == [true, false, false])
        #expect(entry.delegates.map { $0.interfaceName(runtimeIfName: "eth0") } == ["eth0", "net1", "data0"])
        #expect(entry.delegates.map(\.macRequest) == [nil, nil, "02:00:00:00:00:2a"])
        #expect(entry.delegates.map(\.ifnameRequest) == [nil, nil, "data0"])
        #expect(entry.delegates.map(\.confListCNIVersion) == ["1.0.0", "", ""])
        let lists = entry.delegates.compactMap(\.configuration)
        #expect(lists.map(\.name) == ["dflt", "storage", "backend"])
        #expect(lists.map(\.pluginTypes) == [["bridge"], ["bridge"], ["bridge"]])
        #expect(lists.map { $0.plugins[0]["bridge"]?.stringValue } == ["mub89370", "mub89371", "mub89372"])
        #expect(lists.map { $0.plugins[0]["ipam"]?["ranges"]?.arrayValue?.first?.arrayValue?.first?["subnet"]?.stringValue }
            == ["10.236.0.0/24", "10.236.1.0/24", "10.236.2.0/24"])
        // Every key of the configuration Multus sent is there, as sent (the lists keep the
        // list keys apart from the plugins; single configurations are their one plugin).
        let elements = try #require(try JSONValue(parsing: MultusSample.cacheEntry).arrayValue)
        for (index, element) in elements.enumerated() {
            let text = try #require(element["Bytes"]?.stringValue)
            let sent = try JSONValue(parsing: try #require(Base64.decode(text)))
            let list = lists[index]
            if index == 0 {
                #expect(list.json == sent)
            } else {
                #expect(JSONValue.object(list.plugins[0]) == sent)
            }
        }
    }

    @Test("the DEL of the sample entry: last attached first, Multus's interfaces, CNI_ARGS and results files")
    func sampleTeardown() throws {
        let args = try CNIArgs(parsing: MultusSample.cniArgs)
        let teardowns = try Self.sample().teardowns(containerID: MultusSample.containerID, runtimeIfName: "eth0",
                                                    cniArgs: args, runtimeConfig: JSONObject(), cniVersion: .v0_3_1)
        #expect(teardowns.map(\.network) == ["default/backend", "default/storage", "dflt"])
        #expect(teardowns.map(\.ifName) == ["data0", "net1", "eth0"])
        #expect(teardowns.map(\.resultsFile) == [
            "backend-\(MultusSample.containerID)-data0", "storage-\(MultusSample.containerID)-net1",
            "dflt-\(MultusSample.containerID)-eth0",
        ])
        #expect(teardowns.map(\.resultVersion) == [.v1_0_0, .v1_0_0, .v1_0_0])
        #expect(teardowns.allSatisfy { $0.problem == nil })
        // libcni recorded the CNI_ARGS Multus built for each delegate's ADD; DEL builds the
        // same (ADD alone appends MAC for a macRequest).
        let recorded = try JSONValue(parsing: MultusSample.dfltResultsFile)["cniArgs"]?.arrayValue ?? []
        let expected = recorded.compactMap { pair -> String? in
            guard let parts = pair.arrayValue?.compactMap(\.stringValue), parts.count == 2 else { return nil }
            return parts.joined(separator: "=")
        }.joined(separator: ";")
        #expect(teardowns.allSatisfy { $0.cniArgs == expected })
        // The bridge declares no capabilities: no runtimeConfig, not even the MAC.
        #expect(teardowns.allSatisfy { $0.configuration?.plugins[0]["runtimeConfig"] == nil })
        // The list's own cniVersion stays: ConfList.cniVersion is set.
        #expect(teardowns.map { $0.configuration?.cniVersionText } == ["1.0.0", "1.0.0", "1.0.0"])
    }

    @Test("CNI_ARGS on DEL as Multus builds it", arguments: [
        ("", "IgnoreUnknown=true;K8S_POD_NAMESPACE=;K8S_POD_NAME=;K8S_POD_INFRA_CONTAINER_ID=;K8S_POD_UID="),
        ("K8S_POD_NAMESPACE=ns;K8S_POD_NAME=p",
         "IgnoreUnknown=true;K8S_POD_NAMESPACE=ns;K8S_POD_NAME=p;K8S_POD_INFRA_CONTAINER_ID=;K8S_POD_UID=;K8S_POD_NAMESPACE=ns;K8S_POD_NAME=p"),
        ("K8S_POD_NAME=a;K8S_POD_NAME=b;FOO=1",
         "IgnoreUnknown=true;K8S_POD_NAMESPACE=;K8S_POD_NAME=b;K8S_POD_INFRA_CONTAINER_ID=;K8S_POD_UID=;K8S_POD_NAME=a;K8S_POD_NAME=b;FOO=1"),
        ("K8S_POD_UID=", "IgnoreUnknown=true;K8S_POD_NAMESPACE=;K8S_POD_NAME=;K8S_POD_INFRA_CONTAINER_ID=;K8S_POD_UID=;K8S_POD_UID="),
        ("IgnoreUnknown=1;X=a=b", "IgnoreUnknown=true;K8S_POD_NAMESPACE=;K8S_POD_NAME=;K8S_POD_INFRA_CONTAINER_ID=;K8S_POD_UID=;IgnoreUnknown=1;X=a=b"),
    ])
    func cniArgs(runtime: String, expected: String) throws {
        #expect(MultusRuntimeConf.cniArgs(try CNIArgs(parsing: runtime)) == expected)
    }

    static let capablePlugin = #"{"cniVersion":"1.0.0","name":"fast","type":"sriov","capabilities":{"mac":true,"ips":true,"portMappings":true,"bandwidth":true,"deviceID":true,"CNIDeviceInfoFile":true}}"#

    @Test("capability arguments: the runtime's for every delegate, the element's requests for all but the cluster network, injected only where declared")
    func capabilityArgs() throws {
        let text = MultusCacheFixtures.entry([
            MultusCacheFixtures.delegate(name: "cluster", config: Self.capablePlugin.replacingOccurrences(of: "\"fast\"", with: "\"cluster\""),
                                         macRequest: "02:00:00:00:00:01"),
            MultusCacheFixtures.delegate(name: "default/fast", config: Self.capablePlugin, macRequest: "02:00:00:00:00:02",
                                         extra: ["ipRequest": .array([.string("10.9.0.7/24")]), "deviceID": .string("0000:03:00.1")]),
            MultusCacheFixtures.delegate(name: "default/plain",
                                         config: #"{"cniVersion":"1.0.0","name":"plain","type":"bridge"}"#, macRequest: "02:00:00:00:00:03"),
        ])
        let entry = try MultusCacheEntry(parsing: Array(text.utf8), source: "entry")
        let runtimeConfig = try #require(try JSONValue(parsing: #"{"portMappings":[{"hostPort":8080,"containerPort":80,"protocol":"tcp"}],"mac":"02:00:00:00:00:99","bandwidth":{"ingressRate":1000,"ingressBurst":10,"egressRate":1000,"egressBurst":10},"io.kubernetes.cri.pod-annotations":{"a":"b"}}"#).objectValue)
        let teardowns = entry.teardowns(containerID: "c1", runtimeIfName: "eth0", cniArgs: try CNIArgs(parsing: ""),
                                        runtimeConfig: runtimeConfig, cniVersion: .v1_0_0)
        let byName = Dictionary(uniqueKeysWithValues: teardowns.map { ($0.network, $0.configuration?.plugins[0]["runtimeConfig"]) })
        let cluster = try #require(byName["cluster"] ?? nil)
        #expect(cluster["mac"] == .string("02:00:00:00:00:99"))
        #expect(cluster["portMappings"]?.arrayValue?.count == 1)
        #expect(cluster["bandwidth"]?["ingressRate"] == .number("1000"))
        #expect(cluster["ips"] == nil)
        #expect(cluster["io.kubernetes.cri.pod-annotations"] == nil)
        let fast = try #require(byName["default/fast"] ?? nil)
        #expect(fast["mac"] == .string("02:00:00:00:00:02"))
        #expect(fast["ips"] == .array([.string("10.9.0.7/24")]))
        #expect(fast["portMappings"]?.arrayValue?.count == 1)
        #expect(fast["deviceID"] == .string("0000:03:00.1"))
        #expect(fast["CNIDeviceInfoFile"] == .string("/var/run/k8s.cni.cncf.io/devinfo/cni/default-fast-c1_net1"))
        // A plugin that declares no capabilities gets no runtimeConfig.
        #expect(byName["default/plain"] == .some(nil))
    }

    @Test("a configuration list whose ConfList has no cniVersion gets multinet's, as Multus gives it its own; single configurations keep theirs")
    func cniVersionFilledIn() throws {
        let list = #"{"name":"nover","plugins":[{"type":"bridge"}]}"#
        let single = #"{"name":"single","type":"bridge"}"#
        let text = MultusCacheFixtures.entry([
            MultusCacheFixtures.delegate(name: "nover", config: list),
            MultusCacheFixtures.delegate(name: "default/single", config: single),
        ])
        let teardowns = try MultusCacheEntry(parsing: Array(text.utf8), source: "entry")
            .teardowns(containerID: "c1", runtimeIfName: "eth0", cniArgs: try CNIArgs(parsing: ""),
                       runtimeConfig: JSONObject(), cniVersion: .v0_4_0)
        #expect(teardowns.map { $0.configuration?.cniVersionText } == ["", "0.4.0"])
        // Below 0.4.0 (or without a version) libcni passes no cached result.
        #expect(teardowns.map(\.resultVersion) == [nil, .v0_4_0])
    }

    @Test("a pre-fix entry's CNINetworkConfigList is the configuration: the lossless list, with what Multus injected into Bytes merged")
    func legacyList() throws {
        let plugin = #"{"type":"calico","datastore_type":"kubernetes","kubeconfig":"/etc/cni/net.d/calico-kubeconfig","ipam":{"type":"calico-ipam","assign_ipv4":"true"},"args":{"cni":{"keep":"yes"}}}"#
        let listKeys = #"{"cniVersion":"0.3.1","name":"k8s-pod-network","disableCheck":true,"plugins":[]}"#
        let lossy = #"{"cniVersion":"0.3.1","name":"k8s-pod-network","plugins":[{"type":"calico","ipam":{"type":"calico-ipam"},"deviceID":"0000:01:00.0","args":{"cni":{"extra":"1"}}}]}"#
        let element = MultusCacheFixtures.delegate(name: "default/calico", config: lossy, extra: [
            "CNINetworkConfigList": .object(JSONObject([
                ("Name", .string("k8s-pod-network")), ("CNIVersion", .string("0.3.1")),
                ("Plugins", .array([.object(JSONObject([
                    ("Network", .object(JSONObject([("type", .string("calico"))]))),
                    ("Bytes", .string(MultusCacheFixtures.base64(plugin))),
                ]))])),
                ("Bytes", .string(MultusCacheFixtures.base64(listKeys))),
            ])),
        ])
        let entry = try MultusCacheEntry(parsing: Array(MultusCacheFixtures.entry([element]).utf8), source: "entry")
        let delegate = try #require(entry.delegates.first)
        #expect(delegate.problem == nil)
        let list = try #require(delegate.configuration)
        #expect(list.disableCheck)
        #expect(list.plugins.count == 1)
        #expect(list.plugins[0]["kubeconfig"] == .string("/etc/cni/net.d/calico-kubeconfig"))
        #expect(list.plugins[0]["ipam"]?["assign_ipv4"] == .string("true"))
        #expect(list.plugins[0]["deviceID"] == .string("0000:01:00.0"))
        #expect(list.plugins[0]["args"]?["cni"] == .object(JSONObject([("keep", .string("yes")), ("extra", .string("1"))])))
    }
}
