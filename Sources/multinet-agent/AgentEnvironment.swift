#if canImport(Glibc)
import Glibc
#endif
import MultinetKube

/// What the agent takes from its process: the environment, the host name.
enum AgentEnvironment {
    /// The process environment.
    static var variables: [String: String] { KubeClient.processEnvironment() }

    /// `NODE_NAME` (the DaemonSet sets it from `spec.nodeName`), else the host name.
    static func nodeName() -> String {
        if let name = variables["NODE_NAME"], !name.isEmpty { return name }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether an apiserver is configured: a kubeconfig, or in-cluster.
    static func hasCluster(kubeconfig: String?) -> Bool {
        if let kubeconfig, !kubeconfig.isEmpty { return true }
        return !(variables["KUBERNETES_SERVICE_HOST"] ?? "").isEmpty
    }
}
