import Foundation
import MultinetTestSupport
import Testing
import KubeAPIServerDouble

/// `deploy/install-multinet.sh` with `sh` in temporary directories (no root, no cluster).
@Suite("The DaemonSet's install script")
struct InstallScriptTests {
    static let defaultNetwork = #"{"cniVersion":"1.0.0","name":"cluster","type":"bridge","bridge":"cni0"}"#

    @Test("waits for the default network, installs binary and credentials, follows token and CA rotation")
    func lifecycle() async throws {
        let node = try InstallScriptRun()
        defer { node.root.remove() }
        async let finished = node.run(server: "https://10.96.0.1:443")
        // However the test ends, the script stops at its next pass.
        defer { _ = try? node.root.write("stop", contents: "") }

        // Credentials come first; without a default network there is no conflist.
        #expect(await eventually(within: .seconds(20)) { node.exists(node.kubeconfig) })
        try await Task.sleep(for: .milliseconds(600))  // several passes of the 0.1 s loop
        #expect(!node.exists(node.conflist), "00-multinet.conflist written while no default network exists")

        // The binaries: copies, 0755; the inspector in the host's /opt/multinet/bin.
        #expect(node.text(node.binDir + "/multinet") == node.text(node.binarySource))
        #expect(try node.mode(node.binDir + "/multinet") == 0o755)
        #expect(node.text(node.installedInspector) == node.text(node.inspectorSource))
        #expect(try node.mode(node.installedInspector) == 0o755)
        #expect(try node.mode(node.hostBinDir) == 0o755)

        // The kubeconfig: JSON, 0600 in a 0700 directory, naming the token and CA copies.
        let kubeconfig = try KubeJSON.parse(try #require(node.text(node.kubeconfig)))
        #expect(try node.mode(node.kubeconfig) == 0o600)
        #expect(try node.mode(node.kubeDir) == 0o700)
        #expect(try node.mode(node.stateDir) == 0o700)
        let cluster = kubeconfig["clusters"]?.arrayValue?.first?["cluster"]
        #expect(cluster?["server"] == "https://10.96.0.1:443")
        #expect(cluster?["certificate-authority"] == .string(node.kubeDir + "/ca.crt"))
        let user = kubeconfig["users"]?.arrayValue?.first?["user"]
        #expect(user?["tokenFile"] == .string(node.kubeDir + "/token"))
        #expect(user?["token"] == nil)
        #expect(kubeconfig["current-context"] == "multinet")
        #expect(node.text(node.kubeDir + "/token") == node.token)
        #expect(try node.mode(node.kubeDir + "/token") == 0o600)
        #expect(node.text(node.kubeDir + "/ca.crt") == node.text(node.serviceAccountDir + "/ca.crt"))

        // The default network appears: the conflist follows, naming the kubeconfig.
        try node.root.write("net.d/10-cluster.conflist", contents: Self.defaultNetwork)
        #expect(await eventually(within: .seconds(5)) { node.exists(node.conflist) })
        let conflist = try KubeJSON.parse(try #require(node.text(node.conflist)))
        let plugin = conflist["plugins"]?.arrayValue?.first
        #expect(plugin?["type"] == "multinet")
        #expect(plugin?["kubeconfig"] == .string(node.kubeconfig))
        #expect(plugin?["confDir"] == .string(node.confDir))
        #expect(plugin?["binDir"] == .string(node.binDir))
        #expect(plugin?["stateDir"] == .string(node.stateDir))

        // The kubelet rotates the token: the host copy follows.
        let rotated = "rotated-" + UUID().uuidString
        try node.replace(node.serviceAccountDir + "/token", contents: rotated)
        #expect(await eventually(within: .seconds(3)) { node.text(node.kubeDir + "/token") == rotated })
        #expect(try node.mode(node.kubeDir + "/token") == 0o600)

        // A new CA: the copy the kubeconfig names follows.
        let newCA = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n"
        try node.replace(node.serviceAccountDir + "/ca.crt", contents: newCA)
        #expect(await eventually(within: .seconds(3)) { node.text(node.kubeDir + "/ca.crt") == newCA })

        // A deleted conflist comes back; a vanished default network takes it away again.
        try FileManager.default.removeItem(atPath: node.conflist)
        #expect(await eventually(within: .seconds(3)) { node.exists(node.conflist) })
        try FileManager.default.removeItem(atPath: node.confDir + "/10-cluster.conflist")
        #expect(await eventually(within: .seconds(3)) { !node.exists(node.conflist) })

        try node.root.write("stop", contents: "")
        let result = try await finished
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let output = result.stdout + result.stderr
        #expect(output.contains("waiting for the default network"))
        #expect(output.contains("token copied"))
        #expect(!output.contains(node.token), "the script printed the token")
        #expect(!output.contains(rotated), "the script printed the rotated token")
        // Nothing left behind but what it installs.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: node.kubeDir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("a restart with another apiserver address rewrites the kubeconfig; settings reach the conflist")
    func restart() async throws {
        let node = try InstallScriptRun()
        defer { node.root.remove() }
        try node.root.write("net.d/10-cluster.conflist", contents: Self.defaultNetwork)
        try node.root.write("net.d/50-dbnet.conflist", contents: #"{"cniVersion":"1.0.0","name":"dbnet","type":"bridge"}"#)
        try node.root.write("stop", contents: "")  // one pass, then stop

        let first = try await node.run(server: "https://10.96.0.1:443")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(node.exists(node.conflist))
        let second = try await node.run(
            server: "https://[fd00::1]:6443",
            extra: ["MULTINET_DEFAULT_NETWORK": "dbnet", "MULTINET_EXTRA_CONFIG": #""namespaceIsolation": true"#])
        #expect(second.status == 0, "\(second.stderr)")
        let kubeconfig = try KubeJSON.parse(try #require(node.text(node.kubeconfig)))
        #expect(kubeconfig["clusters"]?.arrayValue?.first?["cluster"]?["server"] == "https://[fd00::1]:6443")
        #expect(second.stdout.contains("kubeconfig for https://[fd00::1]:6443 written"))
        #expect(second.stdout.contains("is up to date"))  // the binary did not change
        let plugin = try KubeJSON.parse(try #require(node.text(node.conflist)))["plugins"]?.arrayValue?.first
        #expect(plugin?["defaultNetwork"] == "dbnet")
        #expect(plugin?["namespaceIsolation"] == true)
    }

    @Test("a new image's binaries replace the host's by rename (a new inode, never rewritten in place); an unchanged one is left alone")
    func binaryUpdates() async throws {
        let node = try InstallScriptRun()
        defer { node.root.remove() }
        try node.root.write("stop", contents: "")  // one pass, then stop
        let first = try await node.run()
        #expect(first.status == 0, "\(first.stderr)")
        let installed = [node.binDir + "/multinet", node.installedInspector]
        for path in installed { #expect(first.stdout.contains("installed \(path)"), "\(first.stdout)") }
        let inodes = try installed.map(node.inode)

        // The same image again: nothing is touched.
        let again = try await node.run()
        #expect(again.status == 0, "\(again.stderr)")
        for path in installed { #expect(again.stdout.contains("\(path) is up to date"), "\(again.stdout)") }
        #expect(try installed.map(node.inode) == inodes)

        // A new image: each file is a new one renamed over the old (a running binary keeps
        // its own), with the new contents and mode, and no temporary file is left.
        try node.root.write("image/multinet", contents: "#!/bin/sh\necho multinet 2\n")
        try node.root.write("image/multinet-inspect", contents: "#!/bin/sh\necho multinet-inspect 2\n")
        let updated = try await node.run()
        #expect(updated.status == 0, "\(updated.stderr)")
        for (path, inode) in zip(installed, inodes) {
            #expect(updated.stdout.contains("installed \(path)"), "\(updated.stdout)")
            #expect(try node.inode(path) != inode, "\(path) was rewritten in place")
            #expect(try node.mode(path) == 0o755)
        }
        #expect(node.text(node.installedInspector) == "#!/bin/sh\necho multinet-inspect 2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: node.hostBinDir) == ["multinet-inspect"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: node.binDir) == ["multinet"])
    }

    @Test("a named default network that is not on disk keeps the conflist away")
    func namedDefaultMissing() async throws {
        let node = try InstallScriptRun()
        defer { node.root.remove() }
        try node.root.write("net.d/10-cluster.conflist", contents: Self.defaultNetwork)
        let result = try await node.run(extra: ["MULTINET_DEFAULT_NETWORK": "dbnet", "MULTINET_ITERATIONS": "3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!node.exists(node.conflist))
        #expect(result.stdout.contains("stopping after 3 iterations"))
    }

    @Test("missing inputs stop it with a message", arguments: [
        ("serviceaccount/token", "no service-account token at"),
        ("serviceaccount/ca.crt", "no cluster CA at"),
        ("image/multinet", "no multinet binary at"),
        ("image/multinet-inspect", "no multinet-inspect binary at"),
    ])
    func missingInput(file: String, message: String) async throws {
        let node = try InstallScriptRun()
        defer { node.root.remove() }
        try FileManager.default.removeItem(atPath: node.root.file(file))
        let result = try await node.run()
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("the ConfigMap the DaemonSet mounts carries the script unchanged")
    func configMapMatchesScript() throws {
        let script = try DeployDirectory.read("install-multinet.sh")
        let configMap = try DeployDirectory.read("04-install-configmap.yaml")
        let embedded = configMap.components(separatedBy: "  install-multinet.sh: |\n").dropFirst().first ?? ""
        let unindented = embedded.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("    ") ? String(line.dropFirst(4)) : String(line)
        }.joined(separator: "\n")
        #expect(unindented == script, "04-install-configmap.yaml is stale: run deploy/make-install-configmap.sh")
    }
}
