import MultinetFuzzProperties

/// Fuzz target `YAMLParsing`: the input is a YAML document as a kubeconfig or a theme file
/// holds it, read by libyaml's event API into a node tree and then the JSON value the
/// kubeconfig reader uses.
///
/// Asserts what `YAMLParsingProperties` lists: no crash; a rejection has a position inside
/// the input; an accepted document nests at most 128 levels, holds only JSON numbers, and
/// its JSON text reads back (as JSON, and as YAML) to the same value.
enum YAMLParsingTarget {
    static func run(_ bytes: [UInt8]) {
        FuzzFailure.check(YAMLParsingProperties.violations(bytes), target: "YAMLParsing")
    }
}
