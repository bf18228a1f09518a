extension Multinet {
    /// STATUS: ready when the default network's configuration is there and each of its
    /// plugins is installed (and, for plugins speaking 1.1.0, reports ready itself).
    public func status(_ request: CNIRequest) async throws(CNIError) {
        guard request.config.cniVersion >= .v1_1_0 else {
            throw CNIError(code: CNIErrorCode.incompatibleVersion,
                           msg: "STATUS needs cniVersion 1.1.0; the multinet configuration declares \(request.config.cniVersion)")
        }
        let file: NetworkFile
        do {
            file = try defaultNetworkFile(request.config)
        } catch {
            throw CNIError(code: CNIErrorCode.pluginNotAvailable, msg: "multinet is not ready: \(error.msg)", details: error.details)
        }
        do {
            _ = try openStore(request.config)
        } catch {
            throw CNIError(code: CNIErrorCode.pluginNotAvailable, msg: "multinet is not ready: \(error.msg)", details: error.details)
        }
        try invoker.status(file.list, context: context(request, ifName: ""))
    }
}
