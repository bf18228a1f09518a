import MultinetCNI
import MultinetKubeAPI
import MultinetModel
import MultinetPlanning

/// The apiserver as the plugin's ADD needs it; one instance per invocation (one connection).
///
/// The plugin never contacts the apiserver on DEL, CHECK, STATUS or GC.
public protocol KubeAccess: Sendable {
    /// The pod, or a ``CNIError`` (code 11 for transient trouble) naming the server and the pod.
    func pod(namespace: String, name: String) async throws -> PodInfo
    /// A NetworkAttachmentDefinition, `nil` when it does not exist.
    func networkAttachmentDefinition(namespace: String, name: String) async throws -> NetworkAttachmentDefinition?
    /// An alpha `Network`, `nil` when it does not exist.
    func network(namespace: String, name: String) async throws -> Network?
    /// Sets annotations on the pod with a JSON merge patch (other annotations stay).
    func annotatePod(namespace: String, name: String, annotations: [String: String]) async throws
    /// Records a `Warning` Event about the pod.
    func recordWarning(about pod: PodReference, reason: String, message: String) async throws
    /// Closes the connection.
    func shutdown() async
}

/// Makes the apiserver access for one invocation, or `nil` when no apiserver is configured.
public protocol KubeAccessFactory: Sendable {
    /// The access for this configuration and environment.
    func make(config: MultinetConfig, environment: CNIEnvironment) throws -> (any KubeAccess)?
}

/// No apiserver: multinet serves the default network only.
public struct NoKubeAccess: KubeAccessFactory {
    /// The factory.
    public init() {}
    public func make(config: MultinetConfig, environment: CNIEnvironment) throws -> (any KubeAccess)? { nil }
}
