import MultinetCNI

/// What a delegate call needs besides its configuration: whose attachment, where, and how.
public struct DelegateContext: Sendable {
    /// `CNI_CONTAINERID`.
    public var containerID: String
    /// `CNI_NETNS`.
    public var netns: String
    /// `CNI_IFNAME` for this attachment.
    public var ifName: String
    /// `CNI_PATH` as the runtime gave it (or as recorded).
    public var cniPath: String
    /// `CNI_ARGS` as the runtime gave it (or as recorded).
    public var cniArgs: String
    /// Directories searched for plugins: `CNI_PATH`, then `binDir`.
    public var searchPath: [String]
    /// The rest of the environment, inherited from the runtime.
    public var baseEnvironment: [String: String]
    /// One delegate call's limit.
    public var timeoutSeconds: Double

    /// A context.
    public init(containerID: String, netns: String, ifName: String, cniPath: String, cniArgs: String,
                binDir: [String], baseEnvironment: [String: String], timeoutSeconds: Double) {
        self.containerID = containerID
        self.netns = netns
        self.ifName = ifName
        self.cniPath = cniPath
        self.cniArgs = cniArgs
        self.searchPath = cniPath.split(separator: ":").map(String.init) + binDir
        self.baseEnvironment = baseEnvironment
        self.timeoutSeconds = timeoutSeconds
    }

    /// The environment for one command: the inherited one with the CNI variables replaced.
    public func environment(for command: CNICommand) -> [String] {
        var env = baseEnvironment
        env["CNI_COMMAND"] = command.rawValue
        env["CNI_CONTAINERID"] = containerID
        env["CNI_NETNS"] = netns
        env["CNI_IFNAME"] = ifName
        env["CNI_PATH"] = cniPath
        env["CNI_ARGS"] = cniArgs
        if command == .version || command == .status || command == .gc {
            env["CNI_CONTAINERID"] = nil
            env["CNI_NETNS"] = nil
            env["CNI_IFNAME"] = nil
            env["CNI_ARGS"] = nil
        }
        return env.map { "\($0.key)=\($0.value)" }.sorted()
    }
}
