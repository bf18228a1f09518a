import MultinetPlanning

/// What a teardown takes from the current caller instead of the record: the runtime's DEL
/// knows the netns as it is now; GC and the inspector's retry replay the record as is.
public struct TeardownOverrides: Sendable {
    /// `CNI_NETNS` to use instead of the recorded one.
    public var netns: String?
    /// `CNI_PATH` to use instead of the recorded one.
    public var cniPath: String?
    /// The environment delegates inherit.
    public var baseEnvironment: [String: String]

    /// Replay the record exactly, with a minimal inherited environment.
    public static let replay = TeardownOverrides(netns: nil, cniPath: nil,
                                                 baseEnvironment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"])

    /// Overrides from explicit values.
    public init(netns: String?, cniPath: String?, baseEnvironment: [String: String]) {
        self.netns = netns
        self.cniPath = cniPath
        self.baseEnvironment = baseEnvironment
    }

    /// The runtime's current view, from its DEL request.
    public init(_ request: CNIRequest) {
        self.init(netns: request.environment.netns,
                  cniPath: request.environment.rawPath.isEmpty ? nil : request.environment.rawPath,
                  baseEnvironment: request.environment.inherited)
    }
}
