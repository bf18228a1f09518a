extension CNIError: CNIErrorConvertible {
    /// The error itself.
    public var cniError: CNIError { self }
}

extension CNIError {
    /// The CNI error that reports `error` to the runtime: a ``CNIErrorConvertible``'s own;
    /// any other error is a failure multinet has no words for, reported with code 104 and
    /// its description rather than swallowed. The one function that turns a thrown error
    /// into the wire's: the dispatcher calls it once per invocation, and a failure that
    /// wraps another calls it for the one inside.
    public init(reporting error: any Error) {
        if let convertible = error as? any CNIErrorConvertible {
            self = convertible.cniError
        } else {
            self.init(code: CNIErrorCode.internalFailure, msg: "multinet failed unexpectedly",
                      details: String(describing: error))
        }
    }

    /// Whether the runtime is asked to retry the operation later (the spec's code 11): the
    /// trouble is transient, such as an apiserver that does not answer.
    public var asksToRetryLater: Bool { code == CNIErrorCode.tryAgainLater }
}
