/// A failure that knows how the runtime is told about it: the CNI error (code, message,
/// details) it is reported as.
///
/// `CNIError` itself conforms. A domain error of a layer above the wire (a store, a
/// cluster or a planning failure) conforms in its own file, so its cases map to codes in
/// one place, and `CNIDispatcher` turns whatever a plugin command threw into its CNI
/// error once, when it prints the answer.
public protocol CNIErrorConvertible: Error {
    /// The CNI error this failure is reported as.
    var cniError: CNIError { get }
}

extension CNIErrorConvertible {
    /// The text of the CNI error: what a failure that is also `CustomStringConvertible`
    /// prints in logs and records.
    public var description: String { cniError.description }
}
