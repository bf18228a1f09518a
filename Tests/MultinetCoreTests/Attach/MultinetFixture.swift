import Foundation
import Logging
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetCheckpoint
@testable import MultinetPlanning

/// A conf dir, a state dir and a fake executor for in-process plugin tests.
final class MultinetFixture {
    let root: String
    let executor = FakeDelegateExecutor()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("multinet-unit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/net.d", withIntermediateDirectories: true)
        try write("00-multinet.conflist", #"{"cniVersion":"1.0.0","name":"multinet","plugins":[{"type":"multinet"}]}"#)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var confDir: String { root + "/net.d" }
    var stateDir: String { root + "/state" }

    func write(_ file: String, _ text: String) throws {
        try text.write(toFile: confDir + "/" + file, atomically: true, encoding: .utf8)
    }

    func remove(_ file: String) throws {
        try FileManager.default.removeItem(atPath: confDir + "/" + file)
    }

    var plugin: Multinet {
        Multinet(executor: executor, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    func store() throws -> CheckpointStore { try CheckpointStore(directory: stateDir) }

    func configText(version: String = "1.0.0", extra: String = "") -> String {
        #"{"cniVersion":"\#(version)","name":"multinet","type":"multinet","confDir":"\#(confDir)","stateDir":"\#(stateDir)","binDir":"/fake/bin"\#(extra)}"#
    }

    func request(_ command: CNICommand, container: String = "c1", ifName: String = "eth0",
                 version: String = "1.0.0", extra: String = "",
                 args: String = "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web;K8S_POD_UID=u1") throws -> CNIRequest {
        let env = try CNIEnvironment([
            "CNI_COMMAND": command.rawValue, "CNI_CONTAINERID": container, "CNI_NETNS": "/var/run/netns/\(container)",
            "CNI_IFNAME": ifName, "CNI_PATH": "/fake/bin", "CNI_ARGS": args,
        ])
        return CNIRequest(environment: env, config: try MultinetConfig(parsing: Array(configText(version: version, extra: extra).utf8)))
    }
}
