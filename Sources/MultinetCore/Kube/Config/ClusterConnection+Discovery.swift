extension ClusterConnection {
    /// The apiserver connection of the multinet plugin (DESIGN §3): the `kubeconfig` file
    /// when the configuration names one (its `current-context`); otherwise the in-cluster
    /// service account when `KUBERNETES_SERVICE_HOST` is set; otherwise `nil`, meaning
    /// no apiserver (the plugin still serves the default network). The kubeconfig must be
    /// JSON: YAML is refused with a message saying how to convert it.
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
    /// `KUBERNETES_SERVICE_HOST` is set; `context` overrides `current-context`; `syntax` says
    /// whether YAML files are read.
    public static func likeKubectl(
        kubeconfig: String?,
        context: String? = nil,
        environment: [String: String],
        syntax: KubeConfigSyntax = .jsonOnly,
        serviceAccountDirectory: String = ClusterConnection.serviceAccountDirectory
    ) throws(KubeConfigError) -> ClusterConnection {
        if let kubeconfig, !kubeconfig.isEmpty {
            return try KubeConfig.load(path: kubeconfig, syntax: syntax).connection(context: context)
        }
        let config: KubeConfig
        do {
            config = try KubeConfig.loadDefault(environment: environment, syntax: syntax)
        } catch .noConfiguration(let reason) {
            guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty else {
                throw .noConfiguration(reason: reason + ", and this is not a pod (KUBERNETES_SERVICE_HOST is not set)")
            }
            return try inCluster(environment: environment, serviceAccountDirectory: serviceAccountDirectory)
        }
        return try config.connection(context: context)
    }
}
