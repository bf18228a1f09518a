extension CNIError: CNIErrorConvertible {
    /// The error itself.
    public var cniError: CNIError { self }
}
