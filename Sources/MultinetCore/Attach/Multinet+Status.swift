import MultinetCNI
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// STATUS: ready when Multus's `readinessindicatorfile` (if configured) exists, the
    /// store opens, and the default network's configuration is there with each of its
    /// plugins installed (and, for plugins speaking 1.1.0, reporting ready itself). A cluster
    /// network that only the apiserver defines (a NetworkAttachmentDefinition) is not checked:
    /// STATUS never contacts the apiserver.
    public func status(_ request: CNIRequest) async throws {
        guard request.config.cniVersion >= .v1_1_0 else {
            throw CommandFailure.versionTooOld(command: "STATUS", needs: "1.1.0", declared: request.config.cniVersion)
        }
        if let path = request.config.multus.readinessIndicatorFile, !FileSystem.exists(path) {
            throw CommandFailure.readinessFileMissing(path: path)
        }
        let file: NetworkFile?
        do {
            if let cluster = request.config.multus.clusterNetwork {
                file = try localClusterNetwork(cluster, config: request.config)
            } else {
                file = try defaultNetworkFile(request.config)
            }
        } catch {
            throw NotReadyFailure(underlying: error)
        }
        do {
            _ = try openStore(request.config)
        } catch {
            throw NotReadyFailure(underlying: error)
        }
        guard let file else { return }
        try invoker.status(file.list, context: context(request, ifName: ""))
    }
}
