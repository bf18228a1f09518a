import Foundation

/// One call of a CNI plugin as a container runtime makes it: the `CNI_*` environment and
/// the network configuration on standard input.
///
/// libcni (used by containerd and CRI-O) always sets all six `CNI_*` variables, empty when
/// they do not apply (`CNI_NETNS` for `VERSION`, for example); so does ``environment``.
public struct RuntimeInvocation: Sendable {
    /// `CNI_COMMAND`: `ADD`, `DEL`, `CHECK`, `VERSION`, `STATUS` or `GC` (anything else is
    /// passed as is, to test how a plugin rejects it).
    public var command: String
    /// `CNI_CONTAINERID`.
    public var containerID: String
    /// `CNI_NETNS`: a network namespace path such as ``NetworkNamespace/path``.
    public var netns: String
    /// `CNI_IFNAME`.
    public var ifname: String
    /// `CNI_ARGS`, e.g. ``kubernetesArgs(namespace:name:uid:containerID:)``.
    public var args: String
    /// `CNI_PATH`, joined with `:`.
    public var cniPath: [String]
    /// The network configuration written to standard input.
    public var config: Data
    /// More environment variables; they override the defaults (not the `CNI_*` ones).
    public var extraEnvironment: [String: String]
    /// Seconds before the plugin's process group is killed and the run throws.
    public var timeout: TimeInterval

    /// `PATH` as the runtime's environment gives it to plugins.
    public static let defaultPATH = "/usr/sbin:/usr/bin:/sbin:/bin"

    /// Where Debian's `containernetworking-plugins` installs the reference plugins.
    public static let debianPluginDirectory = "/usr/lib/cni"

    /// An invocation from its parts; `config` is the text sent on standard input.
    public init(
        command: String,
        containerID: String = "",
        netns: String = "",
        ifname: String = "eth0",
        args: String = "",
        cniPath: [String] = [RuntimeInvocation.debianPluginDirectory],
        config: String,
        extraEnvironment: [String: String] = [:],
        timeout: TimeInterval = 60
    ) {
        self.init(
            command: command, containerID: containerID, netns: netns, ifname: ifname, args: args, cniPath: cniPath,
            configData: Data(config.utf8), extraEnvironment: extraEnvironment, timeout: timeout)
    }

    /// An invocation whose standard input is arbitrary bytes (for example invalid JSON).
    public init(
        command: String,
        containerID: String = "",
        netns: String = "",
        ifname: String = "eth0",
        args: String = "",
        cniPath: [String] = [RuntimeInvocation.debianPluginDirectory],
        configData: Data,
        extraEnvironment: [String: String] = [:],
        timeout: TimeInterval = 60
    ) {
        self.command = command
        self.containerID = containerID
        self.netns = netns
        self.ifname = ifname
        self.args = args
        self.cniPath = cniPath
        self.config = configData
        self.extraEnvironment = extraEnvironment
        self.timeout = timeout
    }

    /// `ADD` of `containerID`'s interface `ifname` in `netns`.
    public static func add(
        containerID: String, netns: String, ifname: String = "eth0", args: String = "",
        cniPath: [String] = [debianPluginDirectory], config: String
    ) -> RuntimeInvocation {
        RuntimeInvocation(command: "ADD", containerID: containerID, netns: netns, ifname: ifname, args: args, cniPath: cniPath, config: config)
    }

    /// `DEL` of `containerID`'s interface `ifname`; `netns` may be empty when the
    /// namespace is gone, as runtimes send it then.
    public static func del(
        containerID: String, netns: String, ifname: String = "eth0", args: String = "",
        cniPath: [String] = [debianPluginDirectory], config: String
    ) -> RuntimeInvocation {
        RuntimeInvocation(command: "DEL", containerID: containerID, netns: netns, ifname: ifname, args: args, cniPath: cniPath, config: config)
    }

    /// `CHECK` of `containerID`'s interface `ifname` (the config carries `prevResult`).
    public static func check(
        containerID: String, netns: String, ifname: String = "eth0", args: String = "",
        cniPath: [String] = [debianPluginDirectory], config: String
    ) -> RuntimeInvocation {
        RuntimeInvocation(command: "CHECK", containerID: containerID, netns: netns, ifname: ifname, args: args, cniPath: cniPath, config: config)
    }

    /// `VERSION`: the config only needs `cniVersion`.
    public static func version(config: String = #"{"cniVersion":"1.0.0"}"#, cniPath: [String] = [debianPluginDirectory]) -> RuntimeInvocation {
        RuntimeInvocation(command: "VERSION", ifname: "", cniPath: cniPath, config: config)
    }

    /// The `CNI_ARGS` the kubelet's runtimes (containerd, CRI-O) send for a pod:
    /// `IgnoreUnknown=1;K8S_POD_NAMESPACE=…;K8S_POD_NAME=…;K8S_POD_INFRA_CONTAINER_ID=…;K8S_POD_UID=…`.
    public static func kubernetesArgs(namespace: String, name: String, uid: String, containerID: String) -> String {
        [
            "IgnoreUnknown=1",
            "K8S_POD_NAMESPACE=\(namespace)",
            "K8S_POD_NAME=\(name)",
            "K8S_POD_INFRA_CONTAINER_ID=\(containerID)",
            "K8S_POD_UID=\(uid)",
        ].joined(separator: ";")
    }

    /// A fresh container ID: 64 random hex digits, like a real sandbox ID.
    public static func randomContainerID() -> String {
        HostNetwork.randomHex(64)
    }

    /// The complete environment the plugin gets: `PATH`, the six `CNI_*` variables, and
    /// ``extraEnvironment``.
    public var environment: [String: String] {
        var environment = ["PATH": Self.defaultPATH]
        environment.merge(extraEnvironment) { _, extra in extra }
        environment["CNI_COMMAND"] = command
        environment["CNI_CONTAINERID"] = containerID
        environment["CNI_NETNS"] = netns
        environment["CNI_IFNAME"] = ifname
        environment["CNI_ARGS"] = args
        environment["CNI_PATH"] = cniPath.joined(separator: ":")
        return environment
    }

    /// The configuration as text.
    public var configText: String {
        String(decoding: config, as: UTF8.self)
    }
}
