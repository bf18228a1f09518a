import ArgumentParser
import Foundation
import KubeAPIServerDouble

extension Demo {
    static let node = "demo-node"
    static let flakyPod = "batch-0"
    static let flakyPodID = "c0ffee0004"

    var failNextDelete: String { root + "/fail-next-del" }

    /// A pod whose second network's teardown fails once (its delegate wraps the real
    /// `bridge` and refuses the first DEL): the failure an operator retries in the inspector.
    mutating func failedTeardownPod() throws {
        guard let server else { return }
        let bridgePath = wrappedPlugin
        let script = """
            #!/bin/sh
            # demo-flaky: \(simulated ? "the simulated plugin" : "the real bridge plugin"), except that a DEL fails while \(failNextDelete) exists.
            if [ "$CNI_COMMAND" = DEL ] && [ -e '\(failNextDelete)' ]; then
              rm -f '\(failNextDelete)'
              printf '{"cniVersion":"1.0.0","code":11,"msg":"demo-flaky: this teardown fails once on purpose; retry it"}'
              exit 1
            fi
            exec '\(bridgePath)'
            """
        try script.write(toFile: binDir + "/demo-flaky", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binDir + "/demo-flaky")
        let flakyBridge = "mnfl\(bridge.dropFirst("mndemo".count))"
        if !simulated { resources.add(link: flakyBridge) }
        let keys = pluginKeys(bridge: flakyBridge, subnet: "10.250.80.0/24").replacingOccurrences(of: #""type":"bridge""#, with: #""type":"demo-flaky""#)
            .replacingOccurrences(of: #""type":"demo-sim""#, with: #""type":"demo-flaky""#)
        let config = #"{"cniVersion":"1.0.0",\#(keys)}"#
        _ = try server.seed(
            KubeObjects.networkAttachmentDefinition(name: "flaky", config: config),
            KubeObjects.pod(name: Self.flakyPod, nodeName: Self.node, annotations: ["k8s.v1.cni.cncf.io/networks": "flaky"]))
        let ns = "mndemo-\(Self.flakyPodID)"
        try addNamespace(ns)
        say("pod default/\(Self.flakyPod) selects NAD default/flaky, whose plugin refuses its first DEL")
        try cni("ADD", id: Self.flakyPodID, pod: Self.flakyPod, netns: ns, kube: true)
        try "x".write(toFile: failNextDelete, atomically: true, encoding: .utf8)
        do {
            try cni("DEL", id: Self.flakyPodID, pod: Self.flakyPod, netns: ns)
            print("  DEL succeeded (unexpected)")
        } catch {
            print("  DEL failed as planned; the record is kept for a retry: \(error)")
        }
    }

    /// Two disagreements for the inspector's Drift view: an interface deleted by hand, and
    /// a pod object deleted while its sandbox stays (the leak containerd leaves, as it never
    /// calls CNI GC). The runtime's DELs at the end of the demo still tear both down.
    func makeDrift() throws {
        guard !simulated, let server else { return }
        say("out of band: net1 of default/\(Self.multiPod) is deleted by hand, and pod default/db-0 is deleted from the apiserver while its sandbox stays")
        _ = try shell(["ip", "-n", "mndemo-\(Self.multiPodID)", "link", "del", "net1"])
        _ = try server.store.delete(.pods, namespace: "default", name: "db-0")
        print("  the cluster, the store and the kernel now disagree: the inspector's Drift view (4) shows interface-missing and pod-gone")
    }

    /// Runs `path` with `arguments` on the inherited terminal, in this process group, and
    /// returns its exit status (128 + the signal when one ended it).
    static func runInForeground(_ path: String, _ arguments: [String]) throws -> Int32 {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, nil, nil, argv, environ)
        guard spawned == 0 else { throw ValidationError("could not start \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// The options that point `multinet-inspect` at the demo node.
    var inspectorOptions: [String] {
        ["--state-dir", stateDir, "--conf-dir", confDir, "--bin-dir", binDir + ":" + cniPath, "--kubeconfig", kubeconfig, "--node", Self.node]
    }

    /// The real `multinet-inspect` on the demo node: the curses view on a terminal (3 shows
    /// the failure, r then y retries it; 4 the drift; q goes on with the demo), else one
    /// `--once` snapshot and a `retry` from the script.
    func inspect() async throws {
        if isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 {
            say("opening the inspector on node \(Self.node): 1 to 5 switch views (or :nets :pods :fail :drift :events), Enter shows details, 3 then r and y retries the failed teardown, 4 then r and y tears down db-0's leak, q goes on")
            try await Task.sleep(nanoseconds: 2_000_000_000)
            // On this terminal, in the demo's own process group: the terminal's foreground
            // group, so the inspector gets the keys (Foundation's Process would put it in a
            // group of its own, where reading the terminal fails and no key arrives).
            let status = try Self.runInForeground(inspector, inspectorOptions)
            // A Ctrl-C reaches the inspector too (it gives the terminal back and exits):
            // the demo's clean-up thread then removes everything and ends the process.
            while demoInterrupted.load(ordering: .sequentiallyConsistent) { pause() }
            guard status == 0 else { throw ValidationError("multinet-inspect exited \(status)") }
            return
        }
        let environment = ProcessInfo.processInfo.environment
        say("the inspector's view of node \(Self.node) (multinet-inspect --once; on a terminal this is the curses view)")
        let (status, out, err) = try run(inspector, ["--once"] + inspectorOptions, env: environment, stdin: Data())
        guard status == 0 else { throw ValidationError("multinet-inspect --once failed (exit \(status)): \(err)") }
        print(out.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
        say("multinet-inspect retry \(Self.flakyPodID): the same teardown as DEL, from the record")
        let retry = try run(inspector, ["retry", Self.flakyPodID] + inspectorOptions, env: environment, stdin: Data())
        for line in retry.1.split(separator: "\n") { print("  \(line)") }
        if retry.0 != 0 { print("  retry: exit \(retry.0): \(retry.2)") }
    }
}
