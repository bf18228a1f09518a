import Foundation
import MultinetTestSupport

/// `deploy/install-multinet.sh` run with `sh` in a temporary directory that stands in for
/// a node: the projected service-account volume, the image's binaries, the host's conf,
/// CNI bin, `/opt/multinet/bin` and state dirs.
struct InstallScriptRun {
    let root: TemporaryDirectory
    /// The token the projected volume holds first.
    let token: String

    var serviceAccountDir: String { root.file("serviceaccount") }
    var confDir: String { root.file("net.d") }
    var binDir: String { root.file("bin") }
    /// The host's `/opt/multinet/bin`.
    var hostBinDir: String { root.file("opt-multinet-bin") }
    /// Where the inspector lands on the host.
    var installedInspector: String { hostBinDir + "/multinet-inspect" }
    var stateDir: String { root.file("state") }
    var kubeDir: String { confDir + "/multinet.d" }
    var kubeconfig: String { kubeDir + "/multinet.kubeconfig" }
    var conflist: String { confDir + "/00-multinet.conflist" }
    var binarySource: String { root.file("image/multinet") }
    var inspectorSource: String { root.file("image/multinet-inspect") }
    var stopFile: String { root.file("stop") }

    /// A fresh node with `token` and `caPEM` in the projected volume.
    init(token: String = "token-" + UUID().uuidString, caPEM: String = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n") throws {
        root = try TemporaryDirectory(prefix: "install-multinet")
        self.token = token
        try root.write("serviceaccount/token", contents: token)
        try root.write("serviceaccount/ca.crt", contents: caPEM)
        try root.write("image/multinet", contents: "#!/bin/sh\necho multinet\n")
        try root.write("image/multinet-inspect", contents: "#!/bin/sh\necho multinet-inspect\n")
    }

    /// The script's environment: every path in the temporary directory, a 0.1 s interval.
    func environment(server: String, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "MULTINET_BINARY_SOURCE": binarySource, "MULTINET_CNI_BIN_DIR": binDir, "MULTINET_CNI_CONF_DIR": confDir,
            "MULTINET_INSPECT_SOURCE": inspectorSource, "MULTINET_HOST_BIN_DIR": hostBinDir,
            "MULTINET_STATE_DIR": stateDir, "MULTINET_SERVICEACCOUNT_DIR": serviceAccountDir,
            "MULTINET_KUBE_SERVER": server, "MULTINET_LOG_FILE": root.file("multinet.log"),
            "MULTINET_INTERVAL": "0.1", "MULTINET_STOP_FILE": stopFile, "MULTINET_ITERATIONS": "600",
        ]
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Runs the script until it stops: the stop file, or the bound of 600 passes (60 s).
    func run(server: String = "https://10.96.0.1:443", extra: [String: String] = [:]) async throws -> ShellResult {
        let assignments = environment(server: server, extra: extra).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return try await OffPool.run(["env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin"] + assignments + ["sh", DeployDirectory.installScript], timeout: 90)
    }

    /// Replaces a file the way the kubelet updates a projected volume: a new file renamed
    /// over the old one.
    func replace(_ path: String, contents: String) throws {
        let temporary = path + ".new"
        try contents.write(toFile: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The permission bits of `path`.
    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// The text of `path`, or `nil` when it cannot be read.
    func text(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The inode number of `path` (a file renamed over it has a new one).
    func inode(_ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    /// Whether `path` exists.
    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
