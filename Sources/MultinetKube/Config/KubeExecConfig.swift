/// A kubeconfig user's `exec` section: a credential plugin (as managed clusters use,
/// for example `aws eks get-token` or `gke-gcloud-auth-plugin`) that prints an
/// `ExecCredential` holding a token or a client certificate.
public struct KubeExecConfig: Sendable, Equatable, CustomStringConvertible {
    /// `client.authentication.k8s.io/v1`.
    public static let v1 = "client.authentication.k8s.io/v1"
    /// `client.authentication.k8s.io/v1beta1`.
    public static let v1beta1 = "client.authentication.k8s.io/v1beta1"

    /// `command`: an absolute path, a path relative to the kubeconfig's directory (already
    /// resolved), or a bare name searched for in `PATH`.
    public var command: String
    /// `args`.
    public var args: [String]
    /// `env`: extra environment variables, in order.
    public var env: [EnvironmentVariable]
    /// `apiVersion` of the `ExecCredential` exchanged with the plugin.
    public var apiVersion: String
    /// `installHint`: shown when the command cannot be found.
    public var installHint: String?
    /// `provideClusterInfo`: whether `KUBERNETES_EXEC_INFO` includes the cluster.
    public var provideClusterInfo: Bool

    /// One `env` entry.
    public struct EnvironmentVariable: Sendable, Equatable {
        /// The variable's name.
        public var name: String
        /// Its value.
        public var value: String

        /// An entry.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// An exec configuration.
    public init(command: String, args: [String] = [], env: [EnvironmentVariable] = [],
                apiVersion: String = KubeExecConfig.v1, installHint: String? = nil,
                provideClusterInfo: Bool = false) {
        self.command = command
        self.args = args
        self.env = env
        self.apiVersion = apiVersion
        self.installHint = installHint
        self.provideClusterInfo = provideClusterInfo
    }

    /// The command and API version; arguments and environment may carry secrets and are left out.
    public var description: String { "exec plugin \(command) (\(apiVersion))" }
}
