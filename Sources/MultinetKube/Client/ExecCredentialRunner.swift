#if canImport(Glibc)
import Glibc
#endif
import MultinetJSON
import MultinetSystem

/// Runs a kubeconfig `exec` credential plugin the way client-go does: the process's
/// environment plus the configured `env`, `KUBERNETES_EXEC_INFO` describing the request,
/// no standard input, and an `ExecCredential` expected on standard output.
struct ExecCredentialRunner: Sendable {
    /// The plugin configuration.
    var config: KubeExecConfig
    /// The cluster, for `provideClusterInfo`.
    var server: KubeServerURL
    /// The cluster's TLS settings, for `provideClusterInfo`.
    var tls: KubeTLSSettings
    /// The environment the plugin inherits.
    var environment: [String: String]

    /// The `KUBERNETES_EXEC_INFO` value: an `ExecCredential` with the spec, non-interactive.
    var execInfo: String {
        var spec = JSONObject()
        spec["interactive"] = .bool(false)
        if config.provideClusterInfo {
            var cluster = JSONObject()
            cluster["server"] = .string(server.description)
            if let name = tls.serverName { cluster["tls-server-name"] = .string(name) }
            if tls.insecureSkipVerify { cluster["insecure-skip-tls-verify"] = .bool(true) }
            if let ca = tls.certificateAuthorityPEM { cluster["certificate-authority-data"] = .string(Base64.encode(ca)) }
            spec["cluster"] = .object(cluster)
        }
        var info = JSONObject()
        info["apiVersion"] = .string(config.apiVersion)
        info["kind"] = .string("ExecCredential")
        info["spec"] = .object(spec)
        return JSONValue.object(info).jsonText
    }

    /// The child's environment: inherited, then `env`, then `KUBERNETES_EXEC_INFO`.
    var childEnvironment: [String: String] {
        var env = environment
        for variable in config.env { env[variable.name] = variable.value }
        env["KUBERNETES_EXEC_INFO"] = execInfo
        return env
    }

    /// The executable: the command itself when it has a slash, else the first executable
    /// file of that name in the `PATH` the plugin would get.
    func executable() throws(ExecCredentialError) -> String {
        if config.command.contains("/") {
            let path = KubeConfigPath.absolute(config.command)
            guard access(path, X_OK) == 0 else {
                throw .notFound(command: config.command, installHint: config.installHint)
            }
            return path
        }
        let search = childEnvironment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in search.split(separator: ":") where !directory.isEmpty {
            let candidate = directory + "/" + config.command
            if FileSystem.isRegularFile(candidate), access(candidate, X_OK) == 0 {
                return KubeConfigPath.absolute(candidate)
            }
        }
        throw .notFound(command: config.command, installHint: config.installHint)
    }

    /// Runs the plugin (blocking the calling thread) for at most `timeoutSeconds`.
    func run(timeoutSeconds: Double) throws(ExecCredentialError) -> ExecCredential {
        let path = try executable()
        let request = ProcessRequest(
            executable: path,
            arguments: config.args,
            environment: childEnvironment.map { "\($0.key)=\($0.value)" }.sorted(),
            stdin: [],
            timeoutSeconds: max(timeoutSeconds, 0.1),
            outputLimit: 1 << 20
        )
        let output: ProcessOutput
        do {
            output = try ProcessRunner.run(request)
        } catch {
            throw .startFailed(command: path, reason: error.description)
        }
        guard output.exit.isSuccess else {
            let text = String(decoding: output.stderr.prefix(600), as: UTF8.self).trimmingBlanks()
            throw .failed(command: path, exit: output.exit, stderr: String(text.prefix(300)))
        }
        return try ExecCredential.parse(output.stdout, apiVersion: config.apiVersion)
    }
}
