import Foundation
import MultinetJSON
import MultinetTestSupport
import Testing

/// The layering of docs/ARCHITECTURE.md §1, checked against the package's real manifest
/// (`swift package dump-package`) and against every source file's imports, which SwiftPM
/// itself does not hold to the declared dependencies.
@Suite("Package graph")
struct PackageGraphTests {
    /// The layers that parse and plan: no store, no cluster client, no kernel, no logging,
    /// no curses, no NIO.
    static let pureLayers: Set = [
        "MultinetJSON", "MultinetCNI", "MultinetYAML", "MultinetModel", "MultinetKubeAPI", "MultinetPlanning",
        "MultinetFuzzProperties",
    ]

    static let rules: [LayerRule] = [
        LayerRule(
            targets: pureLayers,
            forbidden: ["MultinetCheckpoint", "CSQLite", "MultinetKube", "AsyncHTTPClient", "NIOCore", "NIOSSL",
                        "Logging", "CNCursesw", "MultinetNetlink", "MultinetCore", "KubeAPIServerDouble"],
            reason: "parsing and planning are pure: no store, no cluster client, no kernel, no logging, no curses"),
        LayerRule(
            targets: ["MultinetJSON", "MultinetCNI"],
            forbidden: ["MultinetSystem", "MultinetModel", "MultinetPlanning", "MultinetYAML", "CYAML"],
            reason: "the CNI wire layer is values and conversions only: no processes, no files"),
        LayerRule(
            targets: ["MultinetCheckpoint"],
            forbidden: ["MultinetKube", "MultinetKubeAPI", "AsyncHTTPClient", "NIOCore", "Logging", "MultinetPlanning",
                        "MultinetCore", "CNCursesw"],
            reason: "the store needs no cluster, no planning and no logging"),
        LayerRule(
            targets: ["MultinetKube"],
            forbidden: ["MultinetCheckpoint", "CSQLite", "MultinetPlanning", "MultinetCore", "CNCursesw"],
            reason: "the Kubernetes client knows nothing of the store or of planning"),
        LayerRule(
            targets: ["multinet", "MultinetCore"],
            forbidden: ["CNCursesw", "KubeAPIServerDouble", "MultinetInspector", "MultinetTestSupport", "X509", "Crypto",
                        "NIOHTTP1", "ArgumentParser"],
            reason: "the plugin is on every pod's start path: no curses, no apiserver double, no test code"),
        LayerRule(
            targets: ["multinet", "MultinetCore", "MultinetInspector"],
            forbidden: ["MultinetAgent", "Prometheus"],
            reason: "the agent sits beside the plugin and the inspector, never under them: neither pays for metrics"),
        LayerRule(
            targets: ["multinet-agent", "MultinetAgent"],
            forbidden: ["CNCursesw", "KubeAPIServerDouble", "MultinetInspector", "MultinetTestSupport"],
            reason: "the node agent ships on every node: no curses, no apiserver double, no test code"),
    ]

    /// Modules of the toolchain, which no manifest lists.
    static let toolchainModules: Set = [
        "Glibc", "Darwin", "Foundation", "FoundationEssentials", "Synchronization", "Dispatch", "Testing", "XCTest",
    ]

    static func manifest() throws -> PackageGraph {
        let root = try #require(MultinetBinary.packageRoot(), "the package root holds Package.swift")
        // A scratch folder of its own: the build's (.build) is locked while the tests run.
        let scratch = try TemporaryDirectory(prefix: "multinet-manifest")
        let dumped = try Shell.run(["swift", "package", "--package-path", root, "--scratch-path", scratch.path,
                                    "dump-package"], timeout: 300).requireSuccess()
        return try PackageGraph(dumpedManifest: JSONValue(parsing: dumped.stdout))
    }

    @Test("no target depends, directly or not, on what its layer forbids")
    func layering() throws {
        let graph = try Self.manifest()
        #expect(graph.violations(of: Self.rules) == [])
        // The layers exist and are wired bottom up, as the document draws them.
        #expect(graph.reachable(from: "MultinetCore").isSuperset(of: Self.pureLayers.subtracting(["MultinetFuzzProperties"])))
        #expect(graph.reachable(from: "multinet").contains("MultinetCheckpoint"))
    }

    @Test("every import in a target's sources is a dependency the manifest declares")
    func importsAreDeclared() throws {
        let graph = try Self.manifest()
        let root = try #require(MultinetBinary.packageRoot())
        var undeclared: [String] = []
        for (target, path) in graph.paths.sorted(by: { $0.key < $1.key }) {
            guard let declared = graph.dependencies[target] else { continue }
            let allowed = Set(declared).union(Self.toolchainModules)
            for file in Self.swiftFiles(under: root + "/" + path) {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                for module in ImportScanner.modules(in: text) where !allowed.contains(module) && module != target {
                    undeclared.append("\(file.dropFirst(root.count + 1)) imports \(module), not a dependency of \(target)")
                }
            }
        }
        #expect(undeclared == [])
    }

    @Test("CNI errors are built only by the wire layer and inside the failure types' own mapping")
    func cniErrorsAreBuiltInOnePlace() throws {
        let root = try #require(MultinetBinary.packageRoot())
        var builders: [String] = []
        for file in Self.swiftFiles(under: root + "/Sources") {
            let relative = String(file.dropFirst(root.count + 1))
            guard !relative.hasPrefix("Sources/MultinetCNI/") else { continue }
            let text = try String(contentsOfFile: file, encoding: .utf8)
            guard text.contains("CNIError(code:") else { continue }
            // A failure type maps its own cases: the file declares the conformance.
            if text.contains(": CNIErrorConvertible") { continue }
            builders.append(relative)
        }
        #expect(builders == [], "build a domain failure (CNIErrorConvertible) instead")
    }

    @Test("a forbidden edge is reported with its path, also when it is indirect")
    func rulesCatchForbiddenEdges() {
        let graph = PackageGraph(dependencies: [
            "MultinetPlanning": ["MultinetModel"],
            "MultinetModel": ["MultinetCheckpoint"],
            "MultinetCheckpoint": ["CSQLite"],
            "MultinetCNI": ["MultinetJSON"],
            "MultinetJSON": [],
        ])
        let rule = LayerRule(targets: ["MultinetPlanning", "MultinetCNI"], forbidden: ["CSQLite"], reason: "pure")
        #expect(graph.violations(of: [rule]) == [
            "MultinetPlanning → MultinetModel → MultinetCheckpoint → CSQLite (pure)",
        ])
        let missing = LayerRule(targets: ["MultinetGone"], forbidden: ["CSQLite"], reason: "pure")
        #expect(graph.violations(of: [missing]) == ["MultinetGone: named by a rule but not a target of the package"])
    }

    @Test("the manifest's JSON is read into edges; a shape dump-package never prints is an error")
    func readsDumpedManifest() throws {
        let json = try JSONValue(parsing: """
            {"targets": [
              {"name": "A", "type": "regular", "dependencies": [{"byName": ["B", null]},
                                                              {"product": ["Logging", "swift-log", null, null]}]},
              {"name": "B", "type": "test", "path": "Tests/Bee", "dependencies": []}]}
            """)
        let graph = try PackageGraph(dumpedManifest: json)
        #expect(graph.dependencies == ["A": ["B", "Logging"], "B": []])
        #expect(graph.paths == ["A": "Sources/A", "B": "Tests/Bee"])
        #expect(throws: PackageGraphError.malformed("no \"targets\" array")) {
            try PackageGraph(dumpedManifest: JSONValue(parsing: "{}"))
        }
    }

    @Test("imports are found with their attributes and access levels, not in comments or strings",
          arguments: [
            ("import A\n@testable import B\n@preconcurrency import C\n", ["A", "B", "C"]),
            ("package import D\ninternal import E.Sub\nimport struct F.Thing\n", ["D", "E", "F"]),
            ("#if canImport(Glibc)\nimport Glibc\n#endif\n", ["Glibc"]),
            ("// import G\nlet text = \"import H\"\n/// import I\n", []),
          ])
    func scansImports(source: String, modules: [String]) {
        #expect(ImportScanner.modules(in: source) == modules)
    }

    static func swiftFiles(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { directory + "/" + $0 }
    }
}
