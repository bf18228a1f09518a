import Foundation
import Glibc
import MultinetJSON
import MultinetTestSupport
import Testing

/// Pods Multus attached before the node switched to multinet: the real `multinet` binary's
/// DEL reads Multus's cache entry and tears every delegate down with Debian's real plugins
/// in a real netns — and refuses, without running anything, what is not a usable entry.
@Suite("End to end: DEL of pods Multus attached", .endToEnd)
struct MultusMigrationTests {
    @Test("a three-network pod Multus attached: multinet's DEL leaves no interface, reservation, cache entry or results file")
    func migrate() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let pod = try await MultusAttachedPod.attach(on: node)
        // Attached as Multus attaches: eth0, net1 and data0 (with the requested MAC), one
        // address each.
        #expect(try pod.ns.links().sorted() == ["data0", "eth0", "lo", "net1"])
        #expect(try pod.ns.mac(of: "data0") == MultusAttachedPod.backendMAC)
        #expect(try pod.heldAddresses() == ["dflt": 1, "storage": 1, "backend": 1])
        #expect(try FileManager.default.contentsOfDirectory(atPath: pod.resultsDirectory).count == 3)

        let del = try await pod.multinetDel()
        #expect(del.exitCode == 0, "\(del.summary)")
        #expect(try pod.ns.links() == ["lo"])
        #expect(try pod.heldAddresses() == ["dflt": 0, "storage": 0, "backend": 0])
        #expect(!FileManager.default.fileExists(atPath: pod.entryPath))
        #expect(try FileManager.default.contentsOfDirectory(atPath: pod.resultsDirectory).isEmpty)
        #expect(try node.records().isEmpty)
        let log = try String(contentsOfFile: node.logFile, encoding: .utf8)
        #expect(log.contains("every delegate in Multus's cache entry was torn down"))
        #expect(log.contains(pod.entryPath))

        // The runtime may DEL again: nothing to do, success.
        let again = try await pod.multinetDel()
        #expect(again.exitCode == 0, "\(again.summary)")
        #expect(try pod.ns.links() == ["lo"])
    }

    /// One hostile or broken cache entry.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Replaces or damages what the pod's entry is, after the pod was attached.
        var damage: @Sendable (MultusAttachedPod, Canary) throws -> Void
        /// `nil`: the DEL succeeds; otherwise its CNI error code.
        var code: Int?
        /// The interfaces still in the pod afterwards (what could not be torn down).
        var left: [String]
        /// What the error message must contain.
        var errorFragments: [String] = []
        /// What the log must contain (beside the entry's path).
        var logFragments: [String]
        var testDescription: String { name }
    }

    /// A script outside every plugin directory that leaves a marker file when it runs.
    struct Canary {
        let script: String
        let marker: String

        init(node: MultinetNode) throws {
            let outside = try node.directory.directory("outside")
            script = outside + "/canary"
            marker = node.directory.file("canary-ran")
            try "#!/bin/sh\ntouch \(marker)\necho '{\"cniVersion\":\"1.0.0\"}'\n".write(toFile: script, atomically: true, encoding: .utf8)
            chmod(script, 0o755)
        }
    }

    /// Replaces element `index` of the pod's entry with `config` as its `Bytes`.
    static func withBytes(_ pod: MultusAttachedPod, element index: Int, _ bytes: JSONValue) throws {
        try pod.writeEntry(pod.entry { elements in
            guard case .object(var element) = elements[index] else { return }
            element["Bytes"] = bytes
            elements[index] = .object(element)
        })
    }

    /// Makes `backend` (element 2) name the canary as its plugin `type`.
    static func backendType(_ pod: MultusAttachedPod, _ type: String) throws {
        let config = #"{"cniVersion":"1.0.0","name":"backend","type":"\#(type)"}"#
        try withBytes(pod, element: 2, .string(MultusCacheFixtures.base64(config)))
    }

    static let allThree = ["data0", "eth0", "lo", "net1"]

    static let cases: [Case] = [
        Case(name: "truncated entry", damage: { pod, _ in
                 try pod.writeEntry(String(pod.entry().prefix(300)))
             }, code: nil, left: ["data0", "lo", "net1"],
             logFragments: ["is not a Multus cache entry", "not valid JSON (truncated or damaged)", "left in place"]),
        Case(name: "not JSON", damage: { pod, _ in try pod.writeEntry("#!/bin/sh\nexec /bin/sh\n") },
             code: nil, left: ["data0", "lo", "net1"], logFragments: ["not valid JSON"]),
        Case(name: "JSON of the wrong shape", damage: { pod, canary in
                 try pod.writeEntry(#"{"delegates":[{"type":"\#(canary.script)"}]}"#)
             }, code: nil, left: ["data0", "lo", "net1"], logFragments: ["it is an object, not an array of delegates"]),
        Case(name: "an empty file", damage: { pod, _ in try pod.writeEntry("") },
             code: nil, left: ["data0", "lo", "net1"], logFragments: ["the file is empty"]),
        Case(name: "a symbolic link to a valid entry elsewhere (never followed)", damage: { pod, _ in
                 let elsewhere = pod.node.directory.file("elsewhere-entry")
                 try pod.entry().write(toFile: elsewhere, atomically: true, encoding: .utf8)
                 try FileManager.default.removeItem(atPath: pod.entryPath)
                 try FileManager.default.createSymbolicLink(atPath: pod.entryPath, withDestinationPath: elsewhere)
             }, code: nil, left: ["data0", "lo", "net1"], logFragments: ["symbolic link", "never followed"]),
        Case(name: "a directory", damage: { pod, _ in
                 try FileManager.default.removeItem(atPath: pod.entryPath)
                 try FileManager.default.createDirectory(atPath: pod.entryPath, withIntermediateDirectories: false)
             }, code: nil, left: ["data0", "lo", "net1"], logFragments: ["is a directory"]),
        Case(name: "bad base64 in one delegate", damage: { pod, _ in
                 try withBytes(pod, element: 1, .string("!!not-base64!!"))
             }, code: 6, left: ["lo", "net1"],
             errorFragments: ["1 of 3 delegate(s)", "network \"default/storage\" on net1", "Bytes is not valid base64"],
             logFragments: ["could not be torn down", "Bytes is not valid base64"]),
        Case(name: "a plugin type outside the bin dirs", damage: { pod, _ in try backendType(pod, "canary") },
             code: 7, left: ["data0", "lo"],
             errorFragments: ["network \"default/backend\" on data0", "failed to find plugin \"canary\""],
             logFragments: ["failed to find plugin", "canary"]),
        Case(name: "a plugin type that is an absolute path", damage: { pod, canary in try backendType(pod, canary.script) },
             code: 7, left: ["data0", "lo"],
             errorFragments: ["network \"default/backend\" on data0", "is not a plugin name", "without '/'"],
             logFragments: ["is not a plugin name"]),
        Case(name: "a plugin type ../../outside/canary", damage: { pod, _ in try backendType(pod, "../../outside/canary") },
             code: 7, left: ["data0", "lo"],
             errorFragments: ["\"../../outside/canary\" is not a plugin name"], logFragments: ["is not a plugin name"]),
        Case(name: "a plugin type linked from the bin dir to outside", damage: { pod, canary in
                 try FileManager.default.createSymbolicLink(atPath: pod.node.binDir + "/canary", withDestinationPath: canary.script)
                 try backendType(pod, "canary")
             }, code: 7, left: ["data0", "lo"],
             errorFragments: ["plugin \"canary\"", "is a symbolic link to", "outside the plugin directories"],
             logFragments: ["outside the plugin directories"]),
    ]

    @Test("a damaged or hostile cache entry: a clear log line, nothing run outside the bin dirs, an honest exit code",
          arguments: cases)
    func hostile(_ testCase: Case) async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let pod = try await MultusAttachedPod.attach(on: node)
        let canary = try Canary(node: node)
        try testCase.damage(pod, canary)
        let before = try? Data(contentsOf: URL(fileURLWithPath: pod.entryPath))

        let del = try await pod.multinetDel()
        #expect(del.signal == nil, "\(del.summary)")
        if let code = testCase.code {
            #expect(del.exitCode != 0, "\(del.summary)")
            let error = try #require(del.cniError, "\(del.summary)")
            #expect(error.code == code, "\(del.summary)")
            #expect(error.msg.contains(pod.entryPath), "\(error.msg)")
            for fragment in testCase.errorFragments { #expect(error.msg.contains(fragment), "\(error.msg)") }
        } else {
            #expect(del.exitCode == 0, "\(del.summary)")
        }
        // Nothing outside the plugin directories ran.
        #expect(!FileManager.default.fileExists(atPath: canary.marker))
        // What could be torn down was; what could not is still there, with its address.
        #expect(try pod.ns.links().sorted() == testCase.left)
        for network in pod.networks {
            let held = try pod.reservations(network).held(by: pod.id).count
            let kept = testCase.left.contains(network.ifName)
            // A foreign entry leaves dflt's address: only eth0's link went (the node's own
            // default network got its best-effort DEL on eth0).
            let expected = kept || (testCase.code == nil && network.name == "dflt") ? 1 : 0
            #expect(held == expected, "\(network.name): \(held) address(es) held")
        }
        // The entry is left exactly as it was, for a retry or an operator.
        if testCase.name.contains("symbolic link") {
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: pod.entryPath)) != nil)
        } else if testCase.name == "a directory" {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: pod.entryPath, isDirectory: &isDirectory) && isDirectory.boolValue)
        } else {
            #expect((try? Data(contentsOf: URL(fileURLWithPath: pod.entryPath))) == before)
        }
        let log = try String(contentsOfFile: node.logFile, encoding: .utf8)
        #expect(log.contains(pod.entryPath))
        for fragment in testCase.logFragments { #expect(log.contains(fragment), "log lacks \(fragment)") }
        await pod.tearDownDirectly()
        #expect(try pod.heldAddresses().values.allSatisfy { $0 == 0 })
        // The canary does leave its marker when something runs it.
        try Shell.check([canary.script])
        #expect(FileManager.default.fileExists(atPath: canary.marker))
    }

    @Test("after a partial failure, the runtime's next DEL finishes once the cause is gone")
    func retryFinishes() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let pod = try await MultusAttachedPod.attach(on: node)
        // storage's plugin is missing from every plugin directory for the first DEL.
        try Self.withBytes(pod, element: 1, .string(MultusCacheFixtures.base64(
            pod.network("storage").config.replacingOccurrences(of: #""type":"bridge""#, with: #""type":"bridge-moved""#))))
        let first = try await pod.multinetDel()
        #expect(first.cniError?.code == 7, "\(first.summary)")
        #expect(try pod.ns.links().sorted() == ["lo", "net1"])
        #expect(FileManager.default.fileExists(atPath: pod.entryPath))
        #expect(FileManager.default.fileExists(atPath: pod.resultsPath(pod.network("storage"))))

        // The plugin is installed again (in multinet's binDir): the retry tears net1 down and
        // removes the entry; the delegates already gone get a harmless second DEL.
        try FileManager.default.createSymbolicLink(atPath: node.binDir + "/bridge-moved",
                                                   withDestinationPath: RuntimeInvocation.debianPluginDirectory + "/bridge")
        let second = try await pod.multinetDel()
        #expect(second.exitCode == 0, "\(second.summary)")
        #expect(try pod.ns.links() == ["lo"])
        #expect(try pod.heldAddresses() == ["dflt": 0, "storage": 0, "backend": 0])
        #expect(!FileManager.default.fileExists(atPath: pod.entryPath))
        #expect(try FileManager.default.contentsOfDirectory(atPath: pod.resultsDirectory).isEmpty)
    }

    @Test("the bad-input table covers what the contract names")
    func coverage() {
        let names = Set(Self.cases.map(\.name))
        #expect(names.count == Self.cases.count)
        for required in ["truncated entry", "not JSON", "a plugin type outside the bin dirs", "a directory", "an empty file",
                         "bad base64 in one delegate", "JSON of the wrong shape"] {
            #expect(names.contains(required))
        }
        #expect(names.contains { $0.hasPrefix("a symbolic link") })
    }
}
