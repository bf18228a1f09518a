import MultinetCNI
import MultinetCheckpoint
import MultinetPlanning

extension Multinet {
    /// DEL: tear down every recorded attachment of this container and interface, needing no
    /// apiserver, pod or configuration file. A container multinet has no record of was
    /// attached before multinet was installed: by Multus when its cache entry is there (every
    /// delegate it lists is torn down), else by the default network, which gets a
    /// best-effort DEL (see ``delUnrecorded(_:)``).
    public func del(_ request: CNIRequest) async throws {
        let store = try openStore(request.config)
        try await recordingOperation("del", store: store, config: request.config) {
            let lock = try lockContainer(request)
            defer { lock?.release() }
            try del(request, store: store)
        }
    }

    func del(_ request: CNIRequest, store: CheckpointStore) throws {
        let env = request.environment
        let records = try recordedAttachments(request, store: store)
        guard !records.isEmpty else {
            if let reclaimed = try? store.reclaimedAt(containerID: env.containerID) {
                logger.info("DEL of a container the node agent reclaimed: nothing is left to tear down",
                            metadata: ["container": .string(env.containerID), "reclaimedAt": .string(String(reclaimed))])
                return
            }
            try delUnrecorded(request)
            return
        }
        settleLeftovers(of: records, request: request)
        let failures = teardown(records, store: store, config: request.config, overrides: TeardownOverrides(request))
        if !failures.isEmpty {
            throw TeardownIncomplete.recorded(failures: failures, containerID: env.containerID, command: "DEL")
        }
    }

    /// DEL of a container with no record and no Multus cache entry: the default network as
    /// configured now, best effort.
    func delDefaultNetwork(_ request: CNIRequest) {
        let env = request.environment
        do {
            let file = try defaultNetworkFile(request.config)
            try invoker.del(file.list, prevResult: nil, context: context(request, ifName: env.ifName))
            logger.info("DEL of a container without records passed to the default network",
                        metadata: ["container": .string(env.containerID), "network": .string(file.list.name)])
        } catch {
            logger.warning("DEL of a container without records: the default network's DEL failed; nothing multinet recorded is affected",
                           metadata: ["container": .string(env.containerID), "error": .string(String(describing: error))])
        }
    }
}
