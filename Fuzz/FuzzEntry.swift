#if canImport(Glibc)
import Glibc
#endif

/// The targets built into the fuzz binary, by the name `scripts/fuzz` passes in
/// `MULTINET_FUZZ_TARGET`. One binary holds them all so CI compiles the pure layers once.
enum FuzzTargets {
    static let all: [(name: String, run: @Sendable ([UInt8]) -> Void)] = [
        ("ConfigParsing", ConfigParsingTarget.run),
        ("ResultConversion", ResultConversionTarget.run),
        ("AnnotationParsing", AnnotationParsingTarget.run),
        ("YAMLParsing", YAMLParsingTarget.run),
    ]

    /// The target named in the environment; the process stops when it names none.
    static let selected: @Sendable ([UInt8]) -> Void = {
        let name = getenv("MULTINET_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = all.first(where: { $0.name == name }) else {
            fatalError("MULTINET_FUZZ_TARGET=\"\(name)\" names no target; one of \(all.map(\.name))")
        }
        return target.run
    }()
}

/// How a target reports broken properties: libFuzzer treats the trap as a crash and saves the input.
enum FuzzFailure {
    static func check(_ violations: [String], target: String) {
        guard !violations.isEmpty else { return }
        fatalError("\(target): \(violations.count) propert\(violations.count == 1 ? "y" : "ies") broken:\n- "
                   + violations.joined(separator: "\n- "))
    }
}

/// libFuzzer's entry point: one input for the selected target. There is no `main` here:
/// with `--sanitize fuzzer` SwiftPM compiles an executable target as a library and links
/// libFuzzer's own `main`, which parses the command line and calls this for every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func multinetFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargets.selected(bytes)
    return 0
}
