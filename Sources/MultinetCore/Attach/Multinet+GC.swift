import MultinetCNI
import MultinetCheckpoint
import MultinetPlanning

extension Multinet {
    /// The key of GC's list of attachments that are still valid.
    public static let validAttachmentsKey = "cni.dev/valid-attachments"

    /// GC: tear down every recorded attachment whose container and interface the runtime no
    /// longer lists as valid, with the recorded netns, `CNI_PATH` and `CNI_ARGS`.
    public func gc(_ request: CNIRequest) async throws {
        guard request.config.cniVersion >= .v1_1_0 else {
            throw CommandFailure.versionTooOld(command: "GC", needs: "1.1.0", declared: request.config.cniVersion)
        }
        let valid = try Self.validAttachments(request.config)
        let store = try openStore(request.config)
        try await recordingOperation("gc", store: store, config: request.config) { try gc(request, valid: valid, store: store) }
    }

    func gc(_ request: CNIRequest, valid: Set<ValidAttachment>, store: CheckpointStore) throws {
        let records: [AttachmentRecord]
        do {
            records = try store.allAttachments()
        } catch {
            throw StoreFailure(action: "cannot read the checkpoint store", underlying: error)
        }
        let now = wallClock()
        // An ADD still running must not be collected under its feet.
        let inFlightMs = Int64((request.config.delegateTimeoutSeconds + 60) * 1000)
        let stale = records.filter { record in
            !valid.contains(ValidAttachment(containerID: record.containerID, ifName: record.runtimeIfName))
                && !(record.state == .adding && now - record.updatedAt < inFlightMs)
        }
        var failures: [String] = []
        let byContainer = Dictionary(grouping: stale) { ValidAttachment(containerID: $0.containerID, ifName: $0.runtimeIfName) }
        for key in byContainer.keys.sorted(by: { ($0.containerID, $0.ifName) < ($1.containerID, $1.ifName) }) {
            // A container another multinet process holds (its DEL, a reclaim) is theirs to tear down.
            guard let lock = try? ContainerLock.acquire(directory: request.config.stateDir, containerID: key.containerID,
                                                        waitSeconds: 0) else {
                logger.info("GC skips a container another multinet process is tearing down",
                            metadata: ["container": .string(key.containerID)])
                continue
            }
            defer { lock.release() }
            let overrides = TeardownOverrides(netns: nil, cniPath: nil, baseEnvironment: request.environment.inherited)
            for failure in teardown(byContainer[key]!, store: store, config: request.config, overrides: overrides) {
                failures.append("container \(key.containerID) network \"\(failure.network)\" on \(failure.ifName): \(failure.error.msg)")
            }
        }
        logger.info("GC finished", metadata: ["collected": .string(String(stale.count)), "failed": .string(String(failures.count))])
        if !failures.isEmpty {
            throw CommandFailure.collectionIncomplete(failures: failures)
        }
    }

    /// One entry of GC's valid-attachments list.
    struct ValidAttachment: Hashable {
        var containerID: String
        var ifName: String
    }

    /// Reads `cni.dev/valid-attachments`; a GC without it is refused rather than taken as
    /// "nothing is valid", which would tear down every pod on the node.
    static func validAttachments(_ config: MultinetConfig) throws -> Set<ValidAttachment> {
        guard let value = config.raw[validAttachmentsKey] else {
            throw CommandFailure.validAttachmentsMissing(key: validAttachmentsKey)
        }
        guard let array = value.arrayValue else {
            throw CommandFailure.validAttachmentsNotArray(key: validAttachmentsKey, kind: value.kindName)
        }
        var out = Set<ValidAttachment>()
        for (index, element) in array.enumerated() {
            guard let id = element["containerID"]?.stringValue, let ifName = element["ifname"]?.stringValue else {
                throw CommandFailure.validAttachmentMalformed(key: validAttachmentsKey, index: index)
            }
            out.insert(ValidAttachment(containerID: id, ifName: ifName))
        }
        return out
    }
}
