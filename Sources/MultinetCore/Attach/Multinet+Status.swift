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
            throw CNIError(code: CNIErrorCode.incompatibleVersion,
                           msg: "STATUS needs cniVersion 1.1.0; the multinet configuration declares \(request.config.cniVersion)")
        }
        if let path = request.config.multus.readinessIndicatorFile, !FileSystem.exists(path) {
            throw CNIError(code: CNIErrorCode.pluginNotAvailable,
                           msg: "multinet is not ready: readinessindicatorfile \(path) does not exist")
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
