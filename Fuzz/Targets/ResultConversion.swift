import MultinetFuzzProperties

/// Fuzz target `ResultConversion`: the input is what a delegate prints as its ADD result,
/// read as the plugin reads it and converted to every CNI version it speaks.
///
/// Asserts what `ResultConversionProperties` lists: no crash; a rejected result fails with
/// code 1 or 6; an accepted one reads back equal from its own document; for every supported
/// version the converted document is a valid result of that version equal to
/// `converted(to:)`, without the fields that version lacks; addresses print as text that
/// parses back to them; the network-status views only give addresses of the result.
enum ResultConversionTarget {
    static func run(_ bytes: [UInt8]) {
        FuzzFailure.check(ResultConversionProperties.violations(bytes), target: "ResultConversion")
    }
}
