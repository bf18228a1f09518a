import MultinetCNI
import MultinetModel

/// One invocation of multinet by a runtime: its environment and its configuration.
public struct CNIRequest: Sendable {
    /// The validated CNI environment.
    public var environment: CNIEnvironment
    /// multinet's configuration from stdin.
    public var config: MultinetConfig

    /// A request.
    public init(environment: CNIEnvironment, config: MultinetConfig) {
        self.environment = environment
        self.config = config
    }

    /// The pod named by `K8S_POD_NAMESPACE`, `K8S_POD_NAME` and `K8S_POD_UID` in `CNI_ARGS`.
    public var pod: PodReference {
        PodReference(namespace: environment.args.podNamespace ?? "",
                     name: environment.args.podName ?? "",
                     uid: environment.args.podUID ?? "")
    }
}
