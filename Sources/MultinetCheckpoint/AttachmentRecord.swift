/// One attachment of one container: one delegate network on one interface.
///
/// The key is (`containerID`, `runtimeIfName`, `ifName`). A record holds everything a
/// later DEL needs (the exact config bytes, `CNI_PATH`, `CNI_ARGS`, the netns path), so
/// teardown never depends on the apiserver or on config files still being on disk.
public struct AttachmentRecord: Sendable, Equatable {
    /// The container (sandbox) ID the runtime passed as `CNI_CONTAINERID`.
    public var containerID: String
    /// The `CNI_IFNAME` the runtime passed: identifies multinet's attachment as the runtime sees it.
    public var runtimeIfName: String
    /// This delegate attachment's interface inside the pod (`== runtimeIfName` for the default network).
    public var ifName: String
    /// 0 for the default network, then 1, 2, … in attach order.
    public var position: Int
    /// Whether this is the pod's default network (the one whose result the runtime sees).
    public var isDefault: Bool
    /// The network namespace path (`CNI_NETNS`).
    public var netns: String
    /// The pod's namespace; `""` when unknown.
    public var podNamespace: String
    /// The pod's name; `""` when unknown.
    public var podName: String
    /// The pod's UID; `""` when unknown.
    public var podUID: String
    /// The network's name.
    public var network: String
    /// The namespace of the network object; `""` for on-disk networks.
    public var networkNamespace: String
    /// Where the network came from: `"file"`, `"inline"` (a `delegates` entry of multinet's
    /// configuration), `"Network"` or `"NetworkAttachmentDefinition"`.
    public var networkKind: String
    /// The exact config-list bytes sent to the delegate, replayed on DEL.
    public var config: [UInt8]
    /// The `CNI_PATH` the delegate ran with.
    public var cniPath: String
    /// The `CNI_ARGS` the delegate ran with.
    public var cniArgs: String
    /// Where the attachment stands.
    public var state: AttachmentState
    /// The delegate's result JSON after a successful ADD.
    public var result: [UInt8]?
    /// The last error message, if the last attempt failed.
    public var error: String?
    /// The operation the last attempt ran.
    public var lastOperation: CheckpointOperation
    /// How many times `lastOperation` was attempted in a row (reset to 1 when the operation changes).
    public var attempts: Int
    /// When the record was first written, in unix milliseconds.
    public var createdAt: Int64
    /// When the last attempt ended (or started, while it runs), in unix milliseconds.
    public var updatedAt: Int64
    /// How long the last finished attempt took, in milliseconds; `nil` while one runs.
    public var lastDurationMs: Int64?
    /// How it came: the runtime's ADD or a hot-plug.
    public var origin: AttachmentOrigin

    /// A record with every field given; the bookkeeping fields default to a fresh ADD.
    ///
    /// `CheckpointStore.recordAddStarted(_:)` ignores the bookkeeping fields (`state`,
    /// `result`, `error`, `lastOperation`, `attempts`, the timestamps and
    /// `lastDurationMs`) and sets them itself.
    public init(
        containerID: String,
        runtimeIfName: String,
        ifName: String,
        position: Int,
        isDefault: Bool,
        netns: String,
        podNamespace: String,
        podName: String,
        podUID: String,
        network: String,
        networkNamespace: String,
        networkKind: String,
        config: [UInt8],
        cniPath: String,
        cniArgs: String,
        state: AttachmentState = .adding,
        result: [UInt8]? = nil,
        error: String? = nil,
        lastOperation: CheckpointOperation = .add,
        attempts: Int = 0,
        createdAt: Int64 = 0,
        updatedAt: Int64 = 0,
        lastDurationMs: Int64? = nil,
        origin: AttachmentOrigin = .runtime
    ) {
        self.containerID = containerID
        self.runtimeIfName = runtimeIfName
        self.ifName = ifName
        self.position = position
        self.isDefault = isDefault
        self.netns = netns
        self.podNamespace = podNamespace
        self.podName = podName
        self.podUID = podUID
        self.network = network
        self.networkNamespace = networkNamespace
        self.networkKind = networkKind
        self.config = config
        self.cniPath = cniPath
        self.cniArgs = cniArgs
        self.state = state
        self.result = result
        self.error = error
        self.lastOperation = lastOperation
        self.attempts = attempts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lastDurationMs = lastDurationMs
        self.origin = origin
    }

    /// `namespace/name` of the network, or the bare name of an on-disk network.
    public var qualifiedNetwork: String { networkNamespace.isEmpty ? network : "\(networkNamespace)/\(network)" }
}
