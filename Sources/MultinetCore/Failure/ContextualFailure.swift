import MultinetCNI

/// A failure with where it happened in front of it (`pod default/web`, `network "x" on
/// interface net1`): reported as the underlying failure's CNI error, its message prefixed
/// with the context, its code and details unchanged.
struct ContextualFailure: CNIErrorConvertible, CustomStringConvertible {
    /// Where it happened, e.g. `pod default/web`.
    var context: String
    /// What happened.
    var underlying: any Error

    var cniError: CNIError {
        let inner = CNIError(reporting: underlying)
        return CNIError(code: inner.code, msg: "\(context): \(inner.msg)", details: inner.details)
    }
}
