extension ClusterConnection {
    /// The apiserver connection of the multinet plugin (README, "Kubernetes access"): the `kubeconfig` file
    /// when the configuration names one (its `current-context`); otherwise the in-cluster
    /// service account when `KUBERNETES_SERVICE_HOST` is set; otherwise `nil`, meaning
    /// no apiserver (the plugin still serves the default network). The kubeconfig may be
    /// JSON or YAML; JSON is read without the YAML parser.
    public static func forPlugin(
        kubeconfig: String?,
        environment: [String: String],
        serviceAccountDirectory: String = ClusterConnection.serviceAccountDirectory
    ) throws(KubeConfigError) -> ClusterConnection? {
        if let kubeconfig, !kubeconfig.isEmpty {
            return try KubeConfig.load(path: kubeconfig).connection()
        }
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty else { return nil }
        return try inCluster(environment: environment, serviceAccountDirectory: serviceAccountDirectory)
    }

    /// The connection kubectl would use: `--kubeconfig` when given, else `KUBECONFIG` or
    /// `~/.kube/config`, else the in-cluster service account when
    /// `KUBERNETES_SERVICE_HOST` is set; `context` overrides `current-context`.
    public static func likeKubectl(
        kubeconfig: String?,
        context: String? = nil,
        environment: [String: String],
        serviceAccountDirectory: String = ClusterConnection.serviceAccountDirectory
    ) throws(KubeConfigError) -> ClusterConnection {
        if let kubeconfig, !kubeconfig.isEmpty {
            return try KubeConfig.load(path: kubeconfig).connection(context: context)
        }
        let config: KubeConfig
        do {
            config = try KubeConfig.loadDefault(environment: environment)
        } catch .noConfiguration(let reason) {
            guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty else {
                throw .noConfiguration(reason: reason + ", and this is not a pod (KUBERNETES_SERVICE_HOST is not set)")
            }
            return try inCluster(environment: environment, serviceAccountDirectory: serviceAccountDirectory)
        }
        return try config.connection(context: context)
    }
}
