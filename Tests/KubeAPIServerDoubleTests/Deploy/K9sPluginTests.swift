import Foundation
import MultinetJSON
import MultinetTestSupport
import MultinetYAML
import Testing
@testable import KubeAPIServerDouble

/// `deploy/k9s/plugins.yaml`: each entry's script, run as k9s runs it (`sh -c` with
/// `CONTEXT`, `NAMESPACE`, `NAME`), resolves the node and its multinet pod with the real
/// kubectl against the double; the final `kubectl exec` (which the double cannot serve) is
/// recorded by a stand-in that passes every other kubectl call on.
@Suite("deploy/k9s with kubectl against the double", .serialized, EndToEndTrait(decide: { Kubectl.decision }))
struct K9sPluginTests {
    static func document(_ name: String) throws -> JSONValue {
        try JSONValue(parsingYAML: Array(try DeployDirectory.read(name).utf8))
    }

    struct Outcome {
        var result: ShellResult
        var exec: String?
    }

    /// Runs plugin `plugin`'s script for a row named `name` in `namespace`.
    static func run(_ plugin: String, name: String, namespace: String, kubeconfig: String,
                    files: TemporaryDirectory) throws -> Outcome {
        let entry = try #require(try document("k9s/plugins.yaml")["plugins"]?[plugin]?.objectValue)
        #expect(entry["command"]?.stringValue == "sh")
        let args = entry["args"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(args.count == 2 && args.first == "-c")
        let record = files.file("exec-\(plugin)-\(name)")
        let bin = files.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let standIn = """
            #!/bin/sh
            for argument in "$@"; do
              if [ "$argument" = exec ]; then echo "$*" > '\(record)'; exit 0; fi
            done
            exec \(Kubectl.path) "$@"
            """
        try standIn.write(toFile: bin + "/kubectl", atomically: true, encoding: .utf8)
        chmod(bin + "/kubectl", 0o755)
        let result = try Shell.run(["env", "-i", "PATH=\(bin):/usr/bin:/bin", "HOME=\(files.path)", "KUBECONFIG=\(kubeconfig)",
                                    "CONTEXT=double", "NAMESPACE=\(namespace)", "NAME=\(name)", "sh", "-c", args[1]])
        return Outcome(result: result, exec: try? String(contentsOfFile: record, encoding: .utf8))
    }

    @Test("Shift-I on a pod or a node execs multinet-inspect in that node's multinet pod; unscheduled or unserved nodes say why")
    func plugins() async throws {
        try await withServer { server in
            let files = try TemporaryDirectory(prefix: "k9s-plugin")
            defer { files.remove() }
            let kubeconfig = try server.writeKubeconfig(to: files.file("kubeconfig.yaml"))
            let daemonSet = try Self.document("05-daemonset.yaml")
            let label = try #require(daemonSet["spec"]?["template"]?["metadata"]?["labels"]?["app.kubernetes.io/name"]?.stringValue)
            let container = try #require(daemonSet["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["name"]?.stringValue)
            try server.seed(
                KubeObjects.pod(name: "web", nodeName: "node-b"),
                KubeObjects.pod(name: "pending"),
                KubeObjects.pod(name: "multinet-a1", namespace: "kube-system", nodeName: "node-a", labels: ["app.kubernetes.io/name": label]),
                KubeObjects.pod(name: "multinet-b2", namespace: "kube-system", nodeName: "node-b", labels: ["app.kubernetes.io/name": label]),
                KubeObjects.pod(name: "other-b", namespace: "kube-system", nodeName: "node-b", labels: ["app": "other"]))
            let expected = "--context double -n kube-system exec -it multinet-b2 -c \(container) -- multinet-inspect\n"

            let pod = try Self.run("multinet-inspect", name: "web", namespace: "default", kubeconfig: kubeconfig, files: files)
            #expect(pod.result.succeeded, "\(pod.result)")
            #expect(pod.exec == expected)
            let node = try Self.run("multinet-inspect-node", name: "node-b", namespace: "", kubeconfig: kubeconfig, files: files)
            #expect(node.result.succeeded, "\(node.result)")
            #expect(node.exec == expected)

            let pending = try Self.run("multinet-inspect", name: "pending", namespace: "default", kubeconfig: kubeconfig, files: files)
            #expect(!pending.result.succeeded && pending.exec == nil)
            #expect(pending.result.stdout.contains("pod default/pending is not scheduled on a node yet"), "\(pending.result)")
            let unserved = try Self.run("multinet-inspect-node", name: "node-z", namespace: "", kubeconfig: kubeconfig, files: files)
            #expect(!unserved.result.succeeded && unserved.exec == nil)
            #expect(unserved.result.stdout.contains("no multinet pod runs on node node-z"), "\(unserved.result)")
        }
    }
}
