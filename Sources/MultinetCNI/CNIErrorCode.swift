/// The well-known error codes of the CNI specification (section "Error").
public enum CNIErrorCode {
    /// Incompatible CNI version.
    public static let incompatibleVersion = 1
    /// Unsupported field in network configuration.
    public static let unsupportedField = 2
    /// Container unknown or does not exist.
    public static let unknownContainer = 3
    /// Invalid necessary environment variables, like `CNI_COMMAND` or `CNI_CONTAINERID`.
    public static let invalidEnvironment = 4
    /// I/O failure, for example failed to read network config bytes from stdin.
    public static let ioFailure = 5
    /// Failed to decode content, for example failed to unmarshal network config or result.
    public static let decodingFailure = 6
    /// Invalid network config.
    public static let invalidNetworkConfig = 7
    /// Try again later: a transient condition.
    public static let tryAgainLater = 11
    /// The plugin is not available (STATUS): it cannot service ADD requests.
    public static let pluginNotAvailable = 50
    /// The plugin is not available and existing containers may be disrupted (STATUS).
    public static let pluginNotAvailableDisruptive = 51

    /// multinet's own codes (the spec leaves 100 and up to plugins).
    /// A delegate plugin failed without a usable error of its own.
    public static let delegateFailed = 100
    /// The checkpoint store could not be opened, read or written.
    public static let storeFailure = 101
    /// An attachment for this container and interface is already recorded as attached.
    public static let alreadyAttached = 102
    /// Tearing down one or more attachments failed; their records are kept for a retry.
    public static let teardownFailed = 103
    /// multinet failed in a way it has no CNI error for: a bug, reported rather than hidden.
    public static let internalFailure = 104
}
