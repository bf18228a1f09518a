import Foundation
import MultinetCNI
import MultinetCore
import MultinetTestSupport
import Testing
@testable import MultinetInspector

@Suite("usable on this node")
struct DataUsabilityTests {
    private func list(_ text: String) throws -> NetworkConfigList {
        try NetworkConfigList(parsing: Array(text.utf8), source: "test", requireName: false)
    }

    private func rules(_ answers: [String: [CNIVersion]]) -> (NetworkUsability, FakeVersionProbe) {
        let probe = FakeVersionProbe(answers)
        let installed = Set(answers.keys)
        return (NetworkUsability(locate: { installed.contains("/bin/" + $0) ? "/bin/" + $0 : nil }, probe: probe), probe)
    }

    @Test("a missing binary, an unsupported declared version, a bad type, and negotiable versions")
    func rulesTable() async throws {
        let (usability, _) = rules(["/bin/bridge": [.v0_3_1, .v0_4_0, .v1_0_0], "/bin/old": [.v0_3_1]])
        #expect(await usability.problem(of: try list(#"{"cniVersion":"1.0.0","name":"a","type":"bridge"}"#)) == nil)
        #expect(await usability.problem(of: try list(#"{"cniVersion":"1.0.0","name":"a","type":"macvlan"}"#))
                == "plugin binary \"macvlan\" missing from the bin dirs")
        let old = await usability.problem(of: try list(#"{"cniVersion":"1.0.0","name":"a","type":"old"}"#))
        #expect(old == "cniVersion 1.0.0 not supported by plugin \"old\" (it supports 0.3.1)")
        // 1.1.0 is negotiated down to a shared version, as the plugin's ADD does.
        #expect(await usability.problem(of: try list(#"{"cniVersion":"1.1.0","name":"a","type":"old"}"#)) == nil)
        // A type that is a path never parses, so conf-dir rows say "config invalid" for it.
        #expect(throws: CNIError.self) { try list(#"{"cniVersion":"1.0.0","name":"a","type":"../x"}"#) }
        #expect(await usability.problem(ofThickPlugin: "thick") == "plugin binary \"thick\" missing from the bin dirs")
        #expect(await usability.problem(ofThickPlugin: "bridge") == nil)
    }

    @Test("a plugin that is a symbolic link leading outside the bin dirs is unusable, and the row says why")
    func symlinkOutside() async throws {
        let directory = try TemporaryDirectory(prefix: "multinet-usability")
        defer { directory.remove() }
        let bin = try directory.directory("bin")
        try FileManager.default.createSymbolicLink(atPath: bin + "/sneaky", withDestinationPath: "/bin/true")
        let usability = NetworkUsability(binDirs: [bin], probe: FakeVersionProbe([:]))
        let problem = await usability.problem(of: try list(#"{"cniVersion":"1.0.0","name":"a","type":"sneaky"}"#))
        #expect(problem?.contains("symbolic link") == true, "\(problem ?? "nil")")
        #expect(problem?.contains("/bin/true") == true, "\(problem ?? "nil")")
        #expect(await usability.problem(of: try list(#"{"cniVersion":"1.0.0","name":"a","type":"absent"}"#))
                == "plugin binary \"absent\" missing from the bin dirs")
    }

    @Test("the version probe runs once per binary until the binary changes")
    func cache() async throws {
        let dir = try TemporaryDirectory(prefix: "inspect-probe")
        defer { dir.remove() }
        let path = try dir.write("plugin", contents: "#!/bin/sh\n")
        let inner = FakeVersionProbe([path: [.v1_0_0]])
        let cache = CachingVersionProbe(probe: inner)
        _ = await cache.versions(ofPluginAt: path)
        _ = await cache.versions(ofPluginAt: path)
        #expect(await inner.calls.count == 1)
        try "#!/bin/sh\n# upgraded\n".write(toFile: path, atomically: false, encoding: .utf8)
        _ = await cache.versions(ofPluginAt: path)
        #expect(await inner.calls.count == 2)
    }

    @Test("conf dir files, NADs (spec.config, else the file of their name) and Networks, with script plugins")
    func localFiles() async throws {
        let dir = try TemporaryDirectory(prefix: "inspect-files")
        defer { dir.remove() }
        let bin = try dir.directory("bin")
        let conf = try dir.directory("net.d")
        let script = """
            #!/bin/sh
            if [ "$CNI_COMMAND" = VERSION ]; then printf '%s' '{"cniVersion":"1.0.0","supportedVersions":["0.4.0","1.0.0"]}'; exit 0; fi
            exit 1

            """
        for name in ["good", "thick"] {
            let path = try dir.write("bin/\(name)", contents: script)
            chmod(path, 0o755)
        }
        _ = try dir.write("net.d/10-ok.conflist", contents: #"{"cniVersion":"1.0.0","name":"ok","plugins":[{"type":"good"}]}"#)
        _ = try dir.write("net.d/20-old.conf", contents: #"{"cniVersion":"0.3.0","name":"old","type":"good"}"#)
        _ = try dir.write("net.d/30-broken.conf", contents: "{not json")
        // multinet's own configuration is not a network: not listed.
        _ = try dir.write("net.d/00-multinet.conflist", contents: #"{"cniVersion":"1.0.0","name":"multinet","plugins":[{"type":"multinet"}]}"#)
        let cluster = ClusterReading(apiserver: .reachable(server: "s"), networkAttachmentDefinitions: [
            try DataFixtures.nad("inline", config: #"{"cniVersion":"1.0.0","type":"missing"}"#),
            try DataFixtures.nad("ok"),
            try DataFixtures.nad("nofile"),
        ], networks: [try DataFixtures.network("thick", plugin: "thick"), try DataFixtures.network("old", plugin: nil)])
        let probe = CachingVersionProbe()
        let files = LocalNodeFiles(confDir: conf, binDirs: ["/nonexistent", bin], probe: probe)
        let rows = await files.networks(for: cluster)
        let byName = Dictionary(rows.map { ("\($0.kind.rawValue)/\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(rows.count == 8)
        #expect(byName["file/multinet"] == nil)
        #expect(byName["file/ok"]?.usable == true)
        #expect(byName["file/ok"]?.plugin == "good")
        #expect(byName["file/old"]?.problem == "cniVersion 0.3.0 not supported by plugin \"good\" (it supports 0.4.0, 1.0.0)")
        #expect(byName["file/30-broken.conf"]?.problem?.hasPrefix("config invalid") == true)
        #expect(byName["NetworkAttachmentDefinition/inline"]?.problem == "plugin binary \"missing\" missing from the bin dirs")
        #expect(byName["NetworkAttachmentDefinition/ok"]?.usable == true)
        #expect(byName["NetworkAttachmentDefinition/ok"]?.namespace == "default")
        #expect(byName["NetworkAttachmentDefinition/nofile"]?.problem?.contains("no spec.config and no file named \"nofile\"") == true)
        #expect(byName["Network/thick"]?.usable == true)
        #expect(byName["Network/old"]?.usable == false)
        // good and thick: each binary asked once, however many networks use it.
        #expect(await probe.probes == 2)
    }
}
