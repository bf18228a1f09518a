import MultinetJSON
import MultinetSystem

/// One CNI invocation as a runtime makes it: environment + stdin, through ``ProcessRunner``
/// (the same spawner multinet uses for its delegates, so both sides pay the same).
struct PluginCall: Sendable {
    var executable: String
    var command: String
    var containerID: String
    var netns: String
    var ifName = "eth0"
    var podName = "bench"
    var podUID = ""
    var cniPath = "/usr/lib/cni"
    var stdin: String

    /// Runs it; returns the milliseconds it took and its stdout. A failure throws with the
    /// plugin's output.
    func run() throws -> (milliseconds: Double, stdout: String) {
        var environment = [
            "CNI_COMMAND=\(command)", "CNI_CONTAINERID=\(containerID)", "CNI_NETNS=\(netns)", "CNI_IFNAME=\(ifName)",
            "CNI_PATH=\(cniPath)", "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
            "CNI_ARGS=IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=\(podName);K8S_POD_INFRA_CONTAINER_ID=\(containerID)"
                + (podUID.isEmpty ? "" : ";K8S_POD_UID=\(podUID)"),
        ]
        environment.sort()
        let start = MonotonicClock.nanoseconds()
        let output = try ProcessRunner.run(ProcessRequest(executable: executable, environment: environment,
                                                          stdin: Array(stdin.utf8), timeoutSeconds: 60))
        let milliseconds = Double(MonotonicClock.nanoseconds() &- start) / 1e6
        let stdout = String(decoding: output.stdout, as: UTF8.self)
        guard output.exit == .exited(0) else {
            throw BenchError.failed("\(executable) \(command) \(containerID) ended \(output.exit): \(stdout) \(String(decoding: output.stderr, as: UTF8.self))")
        }
        return (milliseconds, stdout)
    }

    /// This call's configuration with `prevResult` set, as libcni sends DEL.
    static func withPrevResult(_ config: String, _ result: String) throws -> String {
        guard var object = try JSONValue(parsing: Array(config.utf8)).objectValue else { return config }
        object["prevResult"] = try JSONValue(parsing: Array(result.utf8))
        return JSONValue.object(object).jsonText
    }
}
