import MultinetCNI

/// One delegate's DEL, planned from a Multus cache entry exactly as Multus would run it:
/// which configuration, on which interface, with which `CNI_ARGS`, and where libcni keeps
/// its cached result.
public struct MultusDelegateTeardown: Sendable, Equatable {
    /// The delegate's position in the entry.
    public var index: Int
    /// The delegate as messages name it (``MultusCachedDelegate/displayName``).
    public var network: String
    /// `CNI_IFNAME` for its plugins.
    public var ifName: String
    /// The configuration to run: the recorded one with `cniVersion` filled in where Multus
    /// fills it in and the capability arguments injected as `runtimeConfig`; `nil` when the
    /// delegate has a ``problem``.
    public var configuration: NetworkConfigList?
    /// `CNI_ARGS` for its plugins (``MultusRuntimeConf/cniArgs(_:)``).
    public var cniArgs: String
    /// The libcni cache file under `<cniDir>/results/` that holds its result and is removed
    /// once it is torn down; `nil` when none can be named.
    public var resultsFile: String?
    /// The version its plugins get `prevResult` in; `nil` when they get none (libcni passes
    /// the cached result only from CNI 0.4.0 on).
    public var resultVersion: CNIVersion?
    /// Why it cannot be torn down, when it cannot.
    public var problem: CNIError?

    /// A planned teardown from its parts.
    public init(index: Int, network: String, ifName: String, configuration: NetworkConfigList?, cniArgs: String,
                resultsFile: String? = nil, resultVersion: CNIVersion? = nil, problem: CNIError? = nil) {
        self.index = index
        self.network = network
        self.ifName = ifName
        self.configuration = configuration
        self.cniArgs = cniArgs
        self.resultsFile = resultsFile
        self.resultVersion = resultVersion
        self.problem = problem
    }
}
