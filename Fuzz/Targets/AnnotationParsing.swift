import MultinetFuzzProperties

/// Fuzz target `AnnotationParsing`: the input is the text of a pod's selection annotation,
/// parsed as `k8s.v1.cni.cncf.io/networks` (JSON list or comma-separated form), as
/// `alpha.network.k8s.io/networks`, and with both set.
///
/// Asserts what `AnnotationParsingProperties` lists: no crash; a rejection is code 7 naming
/// the pod; an accepted request has valid names, namespaces and distinct valid interfaces,
/// at most 32 entries and one default route; written back as an annotation it parses to an
/// equal request; both annotations together are rejected.
enum AnnotationParsingTarget {
    static func run(_ bytes: [UInt8]) {
        FuzzFailure.check(AnnotationParsingProperties.violations(bytes), target: "AnnotationParsing")
    }
}
