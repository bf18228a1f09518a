import Foundation
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// The node binaries on a host that has none of what this machine has: in a private mount
/// namespace the Swift toolchain directory and SQLite, libstdc++, zlib, libgcc_s, ncursesw,
/// tinfo and libyaml are hidden (see ``HiddenLibraries``), and the binaries the suite is
/// given (`MULTINET_BINARY`, `MULTINET_INSPECT_BINARY`) must still attach and detach a pod
/// with Debian's plugins in a real netns and show it. A binary that still needs one of
/// them fails to start there, and so does this test.
@Suite("End to end: the node binaries without the toolchain and the libraries", .endToEnd, .serialized)
struct HiddenLibrariesTests {
    /// A program beside the tested binaries that links the toolchain's Swift runtime
    /// dynamically (the demo is never linked for nodes): the control that must fail to
    /// start inside the namespace.
    static func dynamicallyLinkedProbe() throws -> String {
        var candidates: [String] = []
        for binary in [try InspectorBinary.path, try MultinetBinary.path] {
            candidates.append(URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("multinet-demo").path)
        }
        if let root = MultinetBinary.packageRoot() { candidates.append(root + "/.build/debug/multinet-demo") }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if try Shell.run(["ldd", candidate]).stdout.contains("libswiftCore.so") { return candidate }
        }
        throw TestSupportError.binaryNotFound(name: "multinet-demo linked to the shared Swift runtime", searched: candidates)
    }

    @Test("inside the namespace the toolchain and each library are really hidden: a Swift program and sqlite3 cannot start, the loader finds each library empty")
    func hidingWorks() throws {
        let scratch = try TemporaryDirectory(prefix: "hidden-libs")
        defer { scratch.remove() }
        let hidden = try HiddenLibraries(directory: scratch)
        #expect(hidden.toolchainDirectory.hasPrefix("/") && hidden.toolchainDirectory != "/", "\(hidden.toolchainDirectory)")
        #expect(FileManager.default.fileExists(atPath: hidden.toolchainDirectory + "/usr/bin/swift"), "no toolchain at \(hidden.toolchainDirectory)")
        let present = HiddenLibraries.libraryNames.filter { FileManager.default.fileExists(atPath: "/usr/lib/x86_64-linux-gnu/" + $0) }
        #expect(present.count >= 6, "this machine lacks most of the libraries: \(present)")
        for name in present {
            let real = URL(fileURLWithPath: "/usr/lib/x86_64-linux-gnu/" + name).resolvingSymlinksInPath().path
            #expect(hidden.hiddenFiles.contains(real), "\(real) is not hidden")
        }

        // Outside, the probe runs; inside, the loader cannot find libswiftCore.so.
        let probe = try Self.dynamicallyLinkedProbe()
        #expect(try Shell.run([probe, "--help"]).status == 0)
        let swift = try Shell.run([try hidden.wrap(probe, as: "probe-swift"), "--help"])
        #expect(swift.status == 127 && swift.stderr.contains("error while loading shared libraries"), "\(swift)")

        // Debian's sqlite3 needs libsqlite3.so.0, libz.so.1 and libtinfo.so.6.
        let sqlite = try Shell.run([try hidden.wrap(try #require(Shell.which("sqlite3"), "sqlite3 is missing"), as: "probe-sqlite3"), "-version"])
        #expect(sqlite.status == 127 && sqlite.stderr.contains("error while loading shared libraries"), "\(sqlite)")

        // The loader itself finds every library empty (LD_PRELOAD of it is refused), which
        // it does not outside.
        let env = try hidden.wrap("/usr/bin/env", as: "probe-env")
        for name in present {
            let outside = try Shell.run(["env", "LD_PRELOAD=" + name, "/bin/true"])
            #expect(outside.status == 0 && outside.stderr.isEmpty, "\(outside)")
            let inside = try Shell.run([env, "LD_PRELOAD=" + name, "/bin/true"])
            #expect(inside.stderr.contains("'\(name)' from LD_PRELOAD cannot be preloaded"), "\(name): \(inside)")
        }
    }

    @Test("a real ADD and DEL through multinet and multinet-inspect --once -o json, with the toolchain and the libraries hidden")
    func addDeleteAndInspect() async throws {
        let scratch = try TemporaryDirectory(prefix: "hidden-libs")
        defer { scratch.remove() }
        let hidden = try HiddenLibraries(directory: scratch)
        let plugin = CNIPluginRunner(executable: try hidden.wrap(try MultinetBinary.path, as: "multinet"))
        let inspector = try hidden.wrap(try InspectorBinary.path, as: "multinet-inspect")
        // The pod selects a second network (a NAD read over TLS from the apiserver double),
        // so the plugin's Kubernetes client runs too.
        try await MultinetCluster.with(annotations: ["k8s.v1.cni.cncf.io/networks": "second"]) { cluster in
            let node = cluster.node
            let bridge = HostNetwork.uniqueName(prefix: "mnhb")
            node.track(link: bridge)
            let second = HostLocalReservations(dataDir: node.ipamDir, network: "second")
            try cluster.server.seed(KubeObjects.networkAttachmentDefinition(name: "second", config: ConfigFixtures.bridgeConflist(
                name: "second", bridge: bridge, subnet: ConfigFixtures.uniqueSubnet(), dataDir: node.ipamDir)))
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let add = try await plugin.run(cluster.invocation("ADD", containerID: id, netns: ns.path))
            #expect(add.exitCode != HiddenLibraries.notHiddenStatus, "\(add.stderr)")
            try add.requireSuccess()
            #expect(try ns.linkExists("eth0") && ns.linkExists("net1"))
            let addresses = try ns.addresses(of: "eth0")
            #expect(addresses.count == 1, "\(addresses)")
            #expect(try node.reservations.held(by: id).count == 1)
            #expect(try second.held(by: id).count == 1)
            #expect(try cluster.networkStatus()?.map(\.interface) == ["eth0", "net1"])

            let shown = try Shell.run([inspector, "--once", "-o", "json", "--state-dir", node.stateDir, "--conf-dir", node.confDir,
                                       "--bin-dir", node.binDir + ":" + RuntimeInvocation.debianPluginDirectory,
                                       "--kubeconfig", cluster.kubeconfig, "--node", "node-a"])
            #expect(shown.status == 0, "\(shown)")
            let document = try #require(try JSONValue(parsing: Array(shown.stdout.utf8)).objectValue, "\(shown.stdout)")
            let pods = document["pods"]?.arrayValue?.compactMap(\.objectValue) ?? []
            let pod = try #require(pods.first { $0["containerID"]?.stringValue == id }, "the pod is not listed: \(shown.stdout)")
            #expect(pod["namespace"]?.stringValue == "default")
            #expect(pod["name"]?.stringValue == "web")
            #expect(pod["uid"]?.stringValue == cluster.podUID)
            let attachments = pod["attachments"]?.arrayValue?.compactMap(\.objectValue) ?? []
            #expect(attachments.compactMap { $0["interface"]?.stringValue } == ["eth0", "net1"], "\(shown.stdout)")
            #expect(attachments.first?["ips"]?.arrayValue?.compactMap(\.stringValue) == addresses, "\(shown.stdout)")
            #expect((document["apiserver"]?.objectValue?["state"]?.stringValue) == "reachable", "\(shown.stdout)")

            let del = try await plugin.run(cluster.invocation("DEL", containerID: id, netns: ns.path))
            try del.requireSuccess()
            #expect(try !ns.linkExists("eth0") && !ns.linkExists("net1"))
            #expect(try node.reservations.held(by: id).isEmpty)
            #expect(try second.held(by: id).isEmpty)
            #expect(try node.records().isEmpty)
        }
    }
}
