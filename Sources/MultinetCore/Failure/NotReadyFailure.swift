import MultinetCNI

/// STATUS's answer when multinet cannot serve ADDs (code 50): what is missing, from the
/// failure that showed it.
struct NotReadyFailure: CNIErrorConvertible, CustomStringConvertible {
    /// The failure that shows multinet is not ready (no default network, no store).
    var underlying: any Error

    var cniError: CNIError {
        let inner = CNIError(reporting: underlying)
        return CNIError(code: CNIErrorCode.pluginNotAvailable, msg: "multinet is not ready: \(inner.msg)", details: inner.details)
    }
}
