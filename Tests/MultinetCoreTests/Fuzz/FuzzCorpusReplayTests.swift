import Testing
@testable import MultinetSystem
import MultinetFuzzProperties
import MultinetTestSupport

/// Replays the fuzz seed corpus (`Fuzz/Corpus/TARGET/`) through the properties the fuzz
/// targets check, so `swift test` catches a seed that crashes or breaks one without running
/// `scripts/fuzz`.
@Suite("Fuzz corpus replay")
struct FuzzCorpusReplayTests {
    static let targets: [(name: String, violations: @Sendable ([UInt8]) -> [String])] = [
        ("ConfigParsing", ConfigParsingProperties.violations),
        ("ResultConversion", ResultConversionProperties.violations),
        ("AnnotationParsing", AnnotationParsingProperties.violations),
        ("YAMLParsing", YAMLParsingProperties.violations),
    ]

    @Test("every seed keeps the properties of its target", arguments: targets.map(\.name))
    func replay(target: String) throws {
        let root = try #require(MultinetBinary.packageRoot(), "the package root holds Package.swift")
        let directory = "\(root)/Fuzz/Corpus/\(target)"
        let names = try FileSystem.list(directory)
        #expect(names.count >= 10, "\(directory) holds \(names.count) seeds")
        let violations = try #require(Self.targets.first { $0.name == target }).violations
        for name in names {
            let bytes = try FileSystem.read("\(directory)/\(name)")
            #expect(violations(bytes) == [], "seed \(target)/\(name)")
        }
    }
}
