import Foundation
import MultinetTestSupport
import Testing

/// What the node binaries link. They are copied onto hosts that promise nothing but glibc,
/// so `ldd` may list only glibc's own libraries (`HiddenLibrariesTests` runs them where the
/// rest is hidden). The plugin starts on every pod's critical path: nothing it links may
/// pull in full Foundation (about 6 ms more start-up and 120 MB more binary);
/// `FoundationEssentials` is allowed. A module that starts importing Foundation (or a
/// dependency that does, as Yams) fails here.
@Suite("The node binaries need only glibc; the plugin links FoundationEssentials, not Foundation")
struct PluginLinkageTests {
    /// The shared libraries a node binary may need: glibc's (`libpthread`, `libdl`, `librt`
    /// where glibc still splits them off), the loader and the kernel's vDSO.
    static let allowedLibraries: Set<String> = [
        "linux-vdso.so.1", "ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1",
    ]

    /// The binaries of `name` to check: the one the end-to-end tests run, and the release
    /// build beside it when there is one.
    static func binaries(_ name: String, tested: String) -> [String] {
        var paths = [tested]
        if let root = MultinetBinary.packageRoot() {
            let release = root + "/.build/release/" + name
            if FileManager.default.isExecutableFile(atPath: release), !paths.contains(release) { paths.append(release) }
        }
        return paths
    }

    /// Every binary that must need only glibc.
    static func nodeBinaries() throws -> [String] {
        binaries("multinet", tested: try MultinetBinary.path) + binaries("multinet-inspect", tested: try InspectorBinary.path)
            + binaries("multinet-agent", tested: try RunningAgent.path)
    }

    /// The shared libraries `ldd` lists for `path` (file names, `libsqlite3.so.0`), or
    /// `nil` for a statically linked file.
    static func neededLibraries(_ path: String) throws -> [String]? {
        let result = try Shell.run(["ldd", path])
        if result.stdout.contains("not a dynamic executable") || result.stderr.contains("not a dynamic executable") { return nil }
        try result.requireSuccess()
        return result.stdout.split(separator: "\n").compactMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { String($0.split(separator: "/").last ?? $0) }
        }
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: Data, _ needle: String) -> Bool {
        haystack.range(of: Data(needle.utf8)) != nil
    }

    @Test("ldd of multinet, multinet-inspect and multinet-agent lists only glibc, the loader and the vDSO")
    func onlyGlibc() throws {
        let binaries = try Self.nodeBinaries()
        #expect(binaries.count >= 3)
        for path in binaries {
            let needed = try #require(try Self.neededLibraries(path), "\(path) is not dynamically linked: glibc must stay shared (NSS, the loader)")
            #expect(needed.contains("libc.so.6"), "\(path): \(needed)")
            let foreign = needed.filter { !Self.allowedLibraries.contains($0) }
            #expect(foreign.isEmpty, "\(path) needs \(foreign.joined(separator: ", ")); link them statically (StaticLibraries/, Package.swift nodeBinary)")
        }
    }

    @Test("the check itself finds shared libraries outside glibc where they are linked")
    func lddDetectorWorks() throws {
        // The test runner links the toolchain's Swift runtime and Foundation dynamically.
        let runner = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let needed = try #require(try Self.neededLibraries(runner))
        #expect(needed.contains("libswiftCore.so"), "\(needed)")
        #expect(!needed.filter { !Self.allowedLibraries.contains($0) }.isEmpty)
    }

    @Test("no libFoundation.so and no Foundation symbols in the plugin")
    func noFoundation() throws {
        let binaries = Self.binaries("multinet", tested: try MultinetBinary.path)
        #expect(!binaries.isEmpty)
        for path in binaries {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            #expect(bytes.count > 0)
            #expect(!Self.contains(bytes, "libFoundation.so"), "\(path) needs libFoundation.so")
            // Swift mangles a symbol of module Foundation as `$s10Foundation…`; module
            // FoundationEssentials's symbols begin `$s20FoundationEssentials` instead.
            #expect(!Self.contains(bytes, "$s10Foundation"), "\(path) holds symbols of module Foundation")
        }
    }

    @Test("the check itself finds Foundation where it is linked")
    func detectorWorks() throws {
        // The test runner links Foundation (through the test support module), so the same
        // byte search must find it there: a detector that never fires would prove nothing.
        let runner = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: runner), options: .alwaysMapped)
        #expect(Self.contains(bytes, "libFoundation.so") || Self.contains(bytes, "$s10Foundation"))
    }
}
