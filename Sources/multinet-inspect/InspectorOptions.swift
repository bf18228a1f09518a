import ArgumentParser
import MultinetInspector

/// The inspector's common options, shared by every form (`--once`, `retry`).
struct InspectorOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The kubeconfig (JSON or YAML); default as kubectl: KUBECONFIG, ~/.kube/config, in-cluster.", valueName: "path"))
    var kubeconfig: String?

    @Option(help: ArgumentHelp("The kubeconfig context; default its current-context.", valueName: "name"))
    var context: String?

    @Option(help: ArgumentHelp("The node whose pods are shown; default NODE_NAME, else the lowercased host name.", valueName: "name"))
    var node: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("multinet's state dir (the checkpoint store).", valueName: "dir"))
    var stateDir = "/var/lib/multinet"

    @Option(name: .customLong("conf-dir"), help: ArgumentHelp("The CNI conf dir.", valueName: "dir"))
    var confDir = "/etc/cni/net.d"

    @Option(name: .customLong("bin-dir"), help: ArgumentHelp("The CNI plugin directories, ':'-separated.", valueName: "dir[:dir...]"))
    var binDir = "/opt/cni/bin:/usr/lib/cni"

    @Option(help: ArgumentHelp("The colour theme: a name in themes/ or a YAML file (interactive view only).", valueName: "name|path"))
    var theme: String?

    @Option(help: ArgumentHelp("Seconds between refreshes of the interactive view.", valueName: "seconds"))
    var interval: Double = 2

    @Flag(name: .customLong("read-only"), help: "Open the store read-only; hide and refuse retries.")
    var readOnly = false

    @Flag(name: .customLong("all-nodes"),
          help: "Every pod of the cluster that has a network-status, with its node, from the apiserver alone (no store needed; read-only).")
    var allNodes = false

    @Option(name: .customLong("page-size"), help: ArgumentHelp("Pods per page of the --all-nodes list (limit/continue).", valueName: "n"))
    var pageSize = 500

    func validate() throws {
        guard interval > 0, interval.isFinite else { throw ValidationError("--interval must be a positive number of seconds") }
        guard !binDirs.isEmpty else { throw ValidationError("--bin-dir names no directory") }
        guard pageSize > 0 else { throw ValidationError("--page-size must be a positive number of pods") }
    }

    /// `--bin-dir` split at `:`, empty parts dropped.
    var binDirs: [String] { binDir.split(separator: ":").map(String.init) }

    /// The sources these options name.
    var sources: InspectorSources {
        var sources = InspectorSources(kubeconfig: kubeconfig, context: context, node: node, stateDir: stateDir,
                                       confDir: confDir, binDirs: binDirs, readOnly: readOnly || allNodes)
        sources.allNodes = allNodes
        sources.pageSize = pageSize
        return sources
    }
}
