/// Where one attachment stands. Stored as the raw value, so the strings are part of the
/// database format.
public enum AttachmentState: String, Sendable, CaseIterable {
    /// The delegate's ADD was recorded and is running, or the process died while it ran.
    case adding
    /// The delegate's ADD succeeded.
    case attached
    /// The delegate's ADD failed; the record is kept so DEL can still clean up.
    case addFailed = "add_failed"
    /// The delegate's DEL is running, or the process died while it ran.
    case deleting
    /// The delegate's DEL failed; the record is kept for a retry.
    case delFailed = "del_failed"

    /// Whether the state is one of the failures the inspector lists.
    public var isFailure: Bool {
        self == .addFailed || self == .delFailed
    }
}
