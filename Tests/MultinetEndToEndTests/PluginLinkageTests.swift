import Foundation
import MultinetTestSupport
import Testing

/// The plugin starts on every pod's critical path: nothing it links may pull in full
/// Foundation (about 6 ms more start-up and 120 MB more binary); `FoundationEssentials` is
/// allowed. A module that starts importing Foundation (or a dependency that does, as Yams)
/// fails this test.
@Suite("The plugin binary links FoundationEssentials, not Foundation")
struct PluginLinkageTests {
    /// The binaries to check: the one the end-to-end tests run (a debug build links the
    /// Swift libraries dynamically, so Foundation shows as a needed `libFoundation.so`), and
    /// the release build beside it when there is one (linked statically: Foundation's
    /// symbols would be inside).
    static func binaries() throws -> [String] {
        var paths = [try MultinetBinary.path]
        if let root = MultinetBinary.packageRoot() {
            let release = root + "/.build/release/multinet"
            if FileManager.default.isExecutableFile(atPath: release), !paths.contains(release) { paths.append(release) }
        }
        return paths
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: Data, _ needle: String) -> Bool {
        haystack.range(of: Data(needle.utf8)) != nil
    }

    @Test("no libFoundation.so and no Foundation symbols in the plugin")
    func noFoundation() throws {
        let binaries = try Self.binaries()
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
