import MultinetCNI
import MultinetCheckpoint

/// A command the runtime asked for that multinet refuses or cannot finish, apart from
/// planning, the apiserver, the delegates and the store.
enum CommandFailure: CNIErrorConvertible, CustomStringConvertible {
    /// The configuration's `cniVersion` is older than the command (code 1).
    case versionTooOld(command: String, needs: String, declared: CNIVersion)
    /// ADD of a container and interface that is attached (code 102).
    case alreadyAttached(containerID: String, ifName: String)
    /// CHECK of a container multinet has no record of (code 3).
    case notRecorded(containerID: String, ifName: String)
    /// CHECK of an attachment that is not attached (code 3).
    case notAttached(network: String, ifName: String, containerID: String, state: AttachmentState, error: String?)
    /// GC without `cni.dev/valid-attachments` (code 7).
    case validAttachmentsMissing(key: String)
    /// `cni.dev/valid-attachments` is not an array (code 7).
    case validAttachmentsNotArray(key: String, kind: String)
    /// An element of it is not a container and interface (code 7).
    case validAttachmentMalformed(key: String, index: Int)
    /// GC tore down some attachments and not others (code 103).
    case collectionIncomplete(failures: [String])
    /// STATUS: Multus's readiness indicator file is missing (code 50).
    case readinessFileMissing(path: String)
    /// The cluster network names an object, which only ADD reads (code 7).
    case clusterNetworkNotLocal(text: String, key: String)
    /// A delegate in Multus's cache entry has no configuration to run (code 7).
    case cachedDelegateUnconfigured(path: String, index: Int)
    /// Multus's cache entry could not be removed after its delegates were torn down (code 5).
    case cacheEntryNotRemoved(containerID: String, path: String, problem: String)

    var cniError: CNIError {
        let invalid = CNIErrorCode.invalidNetworkConfig
        switch self {
        case .versionTooOld(let command, let needs, let declared):
            return CNIError(code: CNIErrorCode.incompatibleVersion,
                            msg: "\(command) needs cniVersion \(needs); the multinet configuration declares \(declared)")
        case .alreadyAttached(let containerID, let ifName):
            return CNIError(code: CNIErrorCode.alreadyAttached, msg: "container \(containerID) is already attached on \(ifName)",
                            details: "the runtime must DEL before it ADDs the same container and interface again")
        case .notRecorded(let containerID, let ifName):
            return CNIError(code: CNIErrorCode.unknownContainer,
                            msg: "container \(containerID) has no attachment on \(ifName) recorded by multinet")
        case .notAttached(let network, let ifName, let containerID, let state, let error):
            return CNIError(code: CNIErrorCode.unknownContainer,
                            msg: "network \"\(network)\" on \(ifName) of container \(containerID) is \(state.rawValue), not attached",
                            details: error ?? "")
        case .validAttachmentsMissing(let key):
            return CNIError(code: invalid, msg: "GC without \"\(key)\" is refused: it would tear down every attachment")
        case .validAttachmentsNotArray(let key, let kind):
            return CNIError(code: invalid, msg: "\"\(key)\" must be an array, not \(kind)")
        case .validAttachmentMalformed(let key, let index):
            return CNIError(code: invalid, msg: "\"\(key)\"[\(index)] must be an object with string \"containerID\" and \"ifname\"")
        case .collectionIncomplete(let failures):
            return CNIError(code: CNIErrorCode.teardownFailed,
                            msg: "GC: \(failures.count) attachment(s) could not be torn down: \(failures.joined(separator: "; "))",
                            details: "the records are kept for the next GC or `multinet-inspect retry`")
        case .readinessFileMissing(let path):
            return CNIError(code: CNIErrorCode.pluginNotAvailable, msg: "multinet is not ready: readinessindicatorfile \(path) does not exist")
        case .clusterNetworkNotLocal(let text, let key):
            return CNIError(code: invalid,
                            msg: "the cluster network \"\(text)\" (\(key)) has no configuration on this node; it names a NetworkAttachmentDefinition, which only ADD reads from the apiserver")
        case .cachedDelegateUnconfigured(let path, let index):
            return CNIError(code: invalid, msg: "\(path): delegate \(index) has no configuration")
        case .cacheEntryNotRemoved(let containerID, let path, let problem):
            return CNIError(code: CNIErrorCode.ioFailure,
                            msg: "DEL of container \(containerID): every delegate in Multus's cache entry \(path) was torn down, but the entry could not be removed",
                            details: problem)
        }
    }
}
