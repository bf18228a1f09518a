import MultinetFuzzProperties

/// Fuzz target `ConfigParsing`: the input is the bytes a runtime passes multinet on stdin,
/// also read as a delegate's configuration list (a `.conflist`/`.conf` file, a
/// NetworkAttachmentDefinition's `spec.config`, a recorded config replayed on DEL).
///
/// Asserts what `ConfigParsingProperties` lists: no crash; JSON parse → serialize → parse
/// gives an equal value and the same bytes; an accepted `MultinetConfig` has a supported
/// version, absolute paths, sane timeouts and re-parses from its own object to an equal
/// configuration; a rejected one fails with a CNI error whose printed document reads back;
/// an accepted `NetworkConfigList` replays from its recorded bytes to the same list.
enum ConfigParsingTarget {
    static func run(_ bytes: [UInt8]) {
        FuzzFailure.check(ConfigParsingProperties.violations(bytes), target: "ConfigParsing")
    }
}
