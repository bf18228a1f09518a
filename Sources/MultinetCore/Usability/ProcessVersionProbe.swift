import Logging
import MultinetCNI

/// Runs the plugin with `CNI_COMMAND=VERSION` through multinet's own delegate executor
/// (``ConfigListInvoker/versions(ofPluginAt:context:)``), with a short time limit.
public struct ProcessVersionProbe: PluginVersionProbe {
    /// One probe's time limit in seconds.
    public var timeoutSeconds: Double

    /// A probe.
    public init(timeoutSeconds: Double = 5) {
        self.timeoutSeconds = timeoutSeconds
    }

    public func versions(ofPluginAt path: String) async -> Result<[CNIVersion], CNIError> {
        let timeout = timeoutSeconds
        return await Task.detached {
            let executor = ProcessDelegateExecutor(logger: Logger(label: "multinet", factory: { _ in SwiftLogNoOpLogHandler() }))
            let context = DelegateContext(containerID: "", netns: "", ifName: "", cniPath: "", cniArgs: "", binDir: [],
                                          baseEnvironment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], timeoutSeconds: timeout)
            do {
                return .success(try ConfigListInvoker(executor: executor).versions(ofPluginAt: path, context: context))
            } catch {
                return .failure(CNIError(reporting: error))
            }
        }.value
    }
}
