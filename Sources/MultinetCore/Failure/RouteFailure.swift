import MultinetCNI
import MultinetNetlink

/// `default-route` could not be applied in the pod's netns.
enum RouteFailure: CNIErrorConvertible, CustomStringConvertible {
    /// The kernel refused or could not be read (code 5): where (pod, network, interface,
    /// gateways), what multinet was doing, in which netns, and netlink's error.
    case kernel(context: String, activity: String, netns: String, error: NetlinkError)
    /// The gateways do not fit the attachment's result (code 7).
    case unplannable(context: String, problem: DefaultRouteProblem)

    var cniError: CNIError {
        switch self {
        case .kernel(let context, let activity, let netns, let error):
            return CNIError(code: CNIErrorCode.ioFailure, msg: "\(context): \(activity) in \(netns)", details: error.description)
        case .unplannable(let context, let problem):
            return CNIError(code: CNIErrorCode.invalidNetworkConfig, msg: "\(context): \(problem.description)",
                            details: "a default-route gateway must lie in one of the subnets the network's result gives the interface")
        }
    }
}
