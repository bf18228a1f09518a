import Foundation
import KubeAPIServerDouble
import MultinetCore
import MultinetCNI
import MultinetJSON
import MultinetTestSupport
import Testing

/// Multus's configuration keys with the real binary, Debian's plugins, real network
/// namespaces and the apiserver double: the node's `00-multus.conf` with `"type":
/// "multinet"` keeps every pod working (README "Multus keys").
@Suite("End to end: Multus keys", .endToEnd)
struct MultusKeysTests {
    /// Whether every address of `ifname` in `ns` lies in `subnet` (and there is one).
    static func addressed(_ ns: NetworkNamespace, _ ifname: String, in subnet: String) throws -> Bool {
        let addresses = try ns.addresses(of: ifname)
        return addresses.count == 1 && addresses.allSatisfy { ConfigFixtures.subnet(subnet, contains: $0) }
    }

    /// The NAD GETs the apiserver saw.
    static func nadReads(_ cluster: MultinetCluster) -> Int {
        cluster.server.requests.requests(method: "GET", pathPrefix: "/apis/k8s.cni.cncf.io/").count
    }

    @Test("the sample 00-multus.conf with type multinet: clusterNetwork names a conf network; the pod's NADs follow on net1 and data0; network-status; DEL leaves nothing")
    func sampleShape() async throws {
        let selection = #"[{"name":"storage"},{"name":"backend","interface":"data0"}]"#
        try await MultinetCluster.with(annotations: [Dialect.npwg: selection]) { cluster in
            let setting = try MultusSetting(cluster)
            try setting.seedNAD("storage", of: setting.storage)
            try setting.seedNAD("backend", of: setting.backend)
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setting.config()

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            try #require(add.succeeded, "\(add.summary)")
            #expect(add.jsonObject?["cniVersion"] as? String == "0.3.1", "\(add.summary)")
            #expect(try ns.linksBesidesLoopback() == ["data0", "eth0", "net1"])
            #expect(try Self.addressed(ns, "eth0", in: cluster.node.subnet))
            #expect(try Self.addressed(ns, "net1", in: setting.storage.subnet))
            #expect(try Self.addressed(ns, "data0", in: setting.backend.subnet))
            let status = try #require(try cluster.networkStatus(), "no network-status; \(add.summary)")
            #expect(status.map(\.name) == ["podnet", "default/storage", "default/backend"], "\(status)")
            #expect(status.map(\.interface) == ["eth0", "net1", "data0"], "\(status)")
            #expect(try cluster.reservations(in: setting.dataDirs).count == 3)

            let down = try await setting.tearDown(id, ns, config: config)
            #expect(down.ok, "\(down.detail)")
        }
    }

    @Test("clusterNetwork names a NAD in multusNamespace: the NAD is the pod's eth0 even beside a conf file of that name, as in Multus")
    func clusterNetworkNAD() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let setting = try MultusSetting(cluster)
            // A NAD called like the node's file network, with the storage bridge's config.
            try setting.seedNAD("podnet", namespace: "multus-system", of: setting.storage)
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setting.config(["multusNamespace": .string("multus-system")])

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            try #require(add.succeeded, "\(add.summary)")
            #expect(try ns.linksBesidesLoopback() == ["eth0"])
            let eth0 = try ns.addresses(of: "eth0")
            #expect(try Self.addressed(ns, "eth0", in: setting.storage.subnet), "\(eth0)")
            let record = try #require(try cluster.records(of: id).first)
            #expect(record.networkNamespace == "multus-system" && record.networkKind == "NetworkAttachmentDefinition")
            // host-local keeps the reservation under the NAD's name, in the storage bridge's data dir.
            #expect(try HostLocalReservations(dataDir: setting.storage.dataDir, network: "podnet").held(by: id, ifname: "eth0").count == 1)
            #expect(try cluster.node.reservations.held(by: id).isEmpty, "the file network of the same name was not used")
            #expect(try cluster.networkStatus() == nil, "a plain pod is not patched")

            let down = try await setting.tearDown(id, ns, config: config)
            #expect(down.ok, "\(down.detail)")
        }
    }

    @Test("clusterNetwork as a file path: the file is the pod's eth0 and no NetworkAttachmentDefinition is read")
    func clusterNetworkPath() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let setting = try MultusSetting(cluster)
            try setting.seedNAD("podnet", namespace: "kube-system", of: setting.storage)
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setting.config(["clusterNetwork": .string(cluster.node.confDir + "/10-podnet.conflist")])

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            try #require(add.succeeded, "\(add.summary)")
            #expect(try Self.addressed(ns, "eth0", in: cluster.node.subnet))
            #expect(try cluster.node.reservations.held(by: id, ifname: "eth0").count == 1)
            #expect(Self.nadReads(cluster) == 0)

            let down = try await setting.tearDown(id, ns, config: config)
            #expect(down.ok, "\(down.detail)")
        }
    }

    @Test("delegates: the inline configuration (as Multus's thin entrypoint writes it) is the pod's eth0, the next one net1")
    func inlineDelegates() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let setting = try MultusSetting(cluster)
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setting.config([
                "clusterNetwork": .null,
                "delegates": .array([setting.storage.inlineConflist, setting.backend.inlineConflist]),
            ])

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            try #require(add.succeeded, "\(add.summary)")
            #expect(try ns.linksBesidesLoopback() == ["eth0", "net1"])
            #expect(try Self.addressed(ns, "eth0", in: setting.storage.subnet))
            #expect(try Self.addressed(ns, "net1", in: setting.backend.subnet))
            #expect(add.ipAddresses == (try ns.addresses(of: "eth0")), "\(add.summary)")
            #expect(try cluster.records(of: id).map(\.networkKind) == ["inline", "inline"])
            #expect(try cluster.reservations(in: setting.dataDirs).count == 2)
            #expect(Self.nadReads(cluster) == 0)

            let down = try await setting.tearDown(id, ns, config: config)
            #expect(down.ok, "\(down.detail)")
        }
    }

    @Test("defaultNetworks: net1 for every pod, before its own selection on net2; addresses and network-status; numbering without them")
    func defaultNetworks() async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: "backend"]) { cluster in
            let setting = try MultusSetting(cluster)
            try setting.seedNAD("storage", namespace: "kube-system", of: setting.storage)
            try setting.seedNAD("backend", of: setting.backend)
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setting.config(["defaultNetworks": .array([.string("storage")])])

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            try #require(add.succeeded, "\(add.summary)")
            #expect(try ns.linksBesidesLoopback() == ["eth0", "net1", "net2"])
            #expect(try Self.addressed(ns, "net1", in: setting.storage.subnet))
            #expect(try Self.addressed(ns, "net2", in: setting.backend.subnet))
            let status = try #require(try cluster.networkStatus(), "no network-status; \(add.summary)")
            #expect(status.map(\.name) == ["podnet", "kube-system/storage", "default/backend"], "\(status)")
            #expect(status.map(\.interface) == ["eth0", "net1", "net2"], "\(status)")
            for entry in status {
                #expect(try Set(ns.addresses(of: entry.interface ?? "")) == Set(entry.ips), "\(entry)")
            }
            var down = try await setting.tearDown(id, ns, config: config)
            #expect(down.ok, "\(down.detail)")

            // The pod's namespace made a system namespace: no default network, its selection on net1.
            let system = setting.config(["defaultNetworks": .array([.string("storage")]),
                                         "systemNamespaces": .array([.string("default")])])
            let again = try await cluster.run("ADD", containerID: id, netns: ns.path, config: system)
            try #require(again.succeeded, "\(again.summary)")
            #expect(try ns.linksBesidesLoopback() == ["eth0", "net1"])
            #expect(try Self.addressed(ns, "net1", in: setting.backend.subnet))
            #expect(try setting.storage.reservations.held(by: id).isEmpty)
            down = try await setting.tearDown(id, ns, config: system)
            #expect(down.ok, "\(down.detail)")
        }
    }

    @Test("defaultNetworks are not given to a pod in kube-system (the default systemNamespaces)")
    func systemNamespacePod() async throws {
        try await MultinetCluster.with(annotations: [:], podName: "coredns", podNamespace: "kube-system") { cluster in
            let setting = try MultusSetting(cluster)
            try setting.seedNAD("storage", namespace: "kube-system", of: setting.storage)
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setting.config(["defaultNetworks": .array([.string("storage")])])

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            try #require(add.succeeded, "\(add.summary)")
            #expect(try ns.linksBesidesLoopback() == ["eth0"])
            #expect(try setting.storage.reservations.held(by: id).isEmpty)
            #expect(try cluster.networkStatus() == nil)
            let down = try await setting.tearDown(id, ns, config: config)
            #expect(down.ok, "\(down.detail)")
        }
    }

    @Test("readinessindicatorfile: ADD waits for it and goes on once it appears; DEL does not wait for it")
    func readinessAppears() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let setting = try MultusSetting(cluster)
            let node = cluster.node
            let ready = node.directory.file("flannel-subnet.env")
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setting.config(["readinessindicatorfile": .string(ready), "apiTimeoutSeconds": .number("20"),
                                         "logLevel": .string("verbose"), "logFile": .string(node.logFile)])

            let adding = Task { try await cluster.run("ADD", containerID: id, netns: ns.path, config: config) }
            // Create the file only once the plugin says it is waiting for it.
            var waiting = false
            for _ in 0..<200 where !waiting {
                waiting = ((try? String(contentsOfFile: node.logFile, encoding: .utf8)) ?? "").contains("waiting for the readinessindicatorfile")
                if !waiting { try await Task.sleep(nanoseconds: 50_000_000) }
            }
            #expect(waiting, "multinet never logged that it waits")
            #expect(try ns.linksBesidesLoopback().isEmpty, "nothing is attached while it waits")
            #expect(FileManager.default.createFile(atPath: ready, contents: Data("FLANNEL_NETWORK=10.0.0.0/8\n".utf8)))
            let add = try await adding.value
            try #require(add.succeeded, "\(add.summary)")
            #expect(try Self.addressed(ns, "eth0", in: node.subnet))
            #expect(try String(contentsOfFile: node.logFile, encoding: .utf8).contains("the readinessindicatorfile is there"))

            try FileManager.default.removeItem(atPath: ready)
            let waitsBefore = try String(contentsOfFile: node.logFile, encoding: .utf8).components(separatedBy: "waiting for the readinessindicatorfile").count
            let down = try await setting.tearDown(id, ns, config: config)
            #expect(down.ok, "\(down.detail)")
            let waitsAfter = try String(contentsOfFile: node.logFile, encoding: .utf8).components(separatedBy: "waiting for the readinessindicatorfile").count
            #expect(waitsAfter == waitsBefore, "DEL waited for the readinessindicatorfile")
        }
    }

    @Test("readinessindicatorfile that never appears: ADD fails after the bound with code 11 naming the file; nothing attached")
    func readinessAbsent() async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: "storage"]) { cluster in
            let setting = try MultusSetting(cluster)
            try setting.seedNAD("storage", of: setting.storage)
            let ready = cluster.node.directory.file("never-there")
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = setting.config(["readinessindicatorfile": .string(ready), "apiTimeoutSeconds": .number("1")])

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            #expect(!add.succeeded && add.exitCode != 0, "\(add.summary)")
            let error = try #require(add.cniError, "\(add.summary)")
            #expect(error.code == CNIErrorCode.tryAgainLater, "\(add.summary)")
            #expect(error.msg.contains("pod default/web") && error.msg.contains("readinessindicatorfile \(ready) does not exist"), "\(error.msg)")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try cluster.reservations(in: setting.dataDirs).isEmpty)
            #expect(try cluster.records(of: id).isEmpty)
            #expect(cluster.server.requests.requests(method: "GET", pathPrefix: "/api/v1/namespaces/default/pods").isEmpty,
                    "the ADD stopped before reading the pod")
            let down = try await setting.tearDown(id, ns, config: config)
            #expect(down.ok, "\(down.detail)")
        }
    }

    @Test("namespaceIsolation with globalNamespaces as Multus's comma-separated string")
    func globalNamespacesString() async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let setting = try MultusSetting(cluster)
            try setting.seedNAD("storage", namespace: "shared", of: setting.storage)
            try setting.seedNAD("backend", namespace: "other", of: setting.backend)
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            func config(_ selection: String) -> String {
                setting.config(["namespaceIsolation": .bool(true), "globalNamespaces": .string("kube-public, shared"),
                                "runtimeConfig": .object(JSONObject([(Multinet.podAnnotationsCapability,
                                                                      .object(JSONObject([(Dialect.npwg, .string(selection))]))),
                                                                    ]))])
            }

            let refused = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config("other/backend"))
            #expect(refused.cniError?.code == CNIErrorCode.invalidNetworkConfig, "\(refused.summary)")
            #expect(refused.cniError?.msg.contains("namespaceIsolation allows networks of namespaces default, kube-public, shared only") == true,
                    "\(refused.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try cluster.reservations(in: setting.dataDirs).isEmpty)
            var down = try await setting.tearDown(id, ns, config: config("other/backend"))
            #expect(down.ok, "\(down.detail)")

            let allowed = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config("shared/storage"))
            try #require(allowed.succeeded, "\(allowed.summary)")
            #expect(try ns.linksBesidesLoopback() == ["eth0", "net1"])
            #expect(try Self.addressed(ns, "net1", in: setting.storage.subnet))
            down = try await setting.tearDown(id, ns, config: config("shared/storage"))
            #expect(down.ok, "\(down.detail)")
        }
    }

    @Test("Multus log levels and logToStderr: each line goes where the keys say", arguments: [
        // (logLevel, logFile?, logToStderr, lines in the file, lines on stderr)
        ("verbose", true, "false", true, false),
        ("verbose", true, "absent", true, true),
        ("debug", false, "true", false, true),
        ("panic", true, "true", false, false),
        ("debug", false, "false", false, false),
    ])
    func logging(level: String, toFile: Bool, toStderr: String, inFile: Bool, onStderr: Bool) async throws {
        try await MultinetCluster.with(annotations: [:]) { cluster in
            let setting = try MultusSetting(cluster)
            let node = cluster.node
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            var keys: [(String, JSONValue)] = [("logLevel", .string(level))]
            if toFile { keys.append(("logFile", .string(node.logFile))) }
            if toStderr != "absent" { keys.append(("logToStderr", .bool(toStderr == "true"))) }
            var object = try #require(try JSONValue(parsing: setting.config()).objectValue)
            for (key, value) in keys { object[key] = value }
            let config = JSONValue.object(object).jsonText

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            try #require(add.succeeded, "\(add.summary)")
            // "attached" is logged at info: Multus's verbose and debug show it, panic does not.
            let fileText = (try? String(contentsOfFile: node.logFile, encoding: .utf8)) ?? ""
            #expect((fileText.contains(" INFO multinet[") && fileText.contains("attached")) == inFile, "file: \(fileText)")
            #expect(add.stderr.contains("attached") == onStderr, "stderr: \(add.stderr)")
            if level == "panic" { #expect(!fileText.contains(" INFO ") && add.stderr.isEmpty, "\(fileText) \(add.stderr)") }
            if level == "debug" && onStderr { #expect(add.stderr.contains(" DEBUG multinet["), "\(add.stderr)") }
            if !onStderr { #expect(add.stderr.isEmpty, "stderr: \(add.stderr)") }

            let down = try await setting.tearDown(id, ns, config: config)
            #expect(down.ok, "\(down.detail)")
        }
    }
}
