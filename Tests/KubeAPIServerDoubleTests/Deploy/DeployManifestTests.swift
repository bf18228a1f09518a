import Foundation
import MultinetTestSupport
import Testing
@testable import KubeAPIServerDouble

/// `kubectl apply -f deploy/` and `deploy/examples/` against the double, with the real kubectl.
@Suite("deploy/ with kubectl against the double", .serialized, EndToEndTrait(decide: { Kubectl.decision }))
struct DeployManifestTests {
    /// Runs `body` with a server and a kubectl for it, and cleans up.
    func withKubectl(_ body: (KubeAPIServer, Kubectl, TemporaryDirectory) async throws -> Void) async throws {
        try await withServer { server in
            let files = try TemporaryDirectory(prefix: "deploy-kubectl")
            defer { files.remove() }
            let kubeconfig = try server.writeKubeconfig(to: files.file("kubeconfig.yaml"))
            let kubectl = Kubectl(home: try TemporaryDirectory(prefix: "kubectl-home"), kubeconfig: kubeconfig)
            defer { kubectl.home.remove() }
            try await body(server, kubectl, files)
        }
    }

    @Test("kubectl apply -f deploy/ creates the CRDs, RBAC, ConfigMap and DaemonSet; applying again changes nothing")
    func applyDeploy() async throws {
        try await withKubectl { server, kubectl, _ in
            let output = try await kubectl.check(["apply", "-f", DeployDirectory.path])
            for line in [
                "customresourcedefinition.apiextensions.k8s.io/network-attachment-definitions.k8s.cni.cncf.io created",
                "customresourcedefinition.apiextensions.k8s.io/networks.alpha.network.k8s.io created",
                "serviceaccount/multinet created",
                "clusterrole.rbac.authorization.k8s.io/multinet created",
                "clusterrolebinding.rbac.authorization.k8s.io/multinet created",
                "configmap/multinet-install created",
                "daemonset.apps/multinet created",
            ] {
                #expect(output.contains(line), "\(output)")
            }

            let crds = try await kubectl.check(["get", "crd", "-o", "name"])
            #expect(crds == """
                customresourcedefinition.apiextensions.k8s.io/network-attachment-definitions.k8s.cni.cncf.io
                customresourcedefinition.apiextensions.k8s.io/networks.alpha.network.k8s.io

                """)
            let daemonSet = try KubeJSON.parse(try await kubectl.check(["get", "ds", "multinet", "-n", "kube-system", "-o", "json"]))
            #expect(daemonSet.value(at: "spec.template.spec.hostNetwork") == true)
            #expect(daemonSet.value(at: "spec.template.spec.tolerations") == [["operator": "Exists"]])
            let volumes = daemonSet.value(at: "spec.template.spec.volumes")?.arrayValue ?? []
            let hostPaths = volumes.compactMap { $0["hostPath"]?["path"]?.stringValue }
            #expect(hostPaths == ["/etc/cni/net.d", "/opt/cni/bin", "/opt/multinet/bin", "/var/lib/multinet", "/var/run/netns",
                                  "/var/lib/cni"])
            // The agent: a second container with its metrics port named, probes on it, requests.
            let containers = daemonSet.value(at: "spec.template.spec.containers")?.arrayValue ?? []
            #expect(containers.map { $0["name"]?.stringValue ?? "" } == ["install", "agent"])
            let agent = containers.last
            #expect(agent?["ports"]?.arrayValue?.first?["name"] == "metrics")
            #expect(agent?["livenessProbe"]?["httpGet"]?["path"] == "/healthz")
            #expect(agent?["readinessProbe"]?["httpGet"]?["path"] == "/readyz")
            #expect(agent?["resources"]?["requests"]?["memory"] == "32Mi")
            let agentArgs = agent?["args"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(agentArgs.contains("--reclaim") && !agentArgs.contains("--publish-node-labels"), "\(agentArgs)")
            // The installer copies the inspector to the host's /opt/multinet/bin, mounted at its own path.
            let container = daemonSet.value(at: "spec.template.spec.containers")?.arrayValue?.first
            let mounts = container?["volumeMounts"]?.arrayValue ?? []
            #expect(mounts.contains { $0["name"] == "host-bin" && $0["mountPath"] == "/opt/multinet/bin" })
            let env = container?["env"]?.arrayValue ?? []
            #expect(env.contains { $0["name"] == "MULTINET_HOST_BIN_DIR" && $0["value"] == "/opt/multinet/bin" })
            #expect(env.contains { $0["name"] == "MULTINET_INSPECT_SOURCE" && $0["value"] == "/usr/local/bin/multinet-inspect" })
            let projected = volumes.first { $0["projected"] != nil }?["projected"]?["sources"]?.arrayValue ?? []
            #expect(projected.first?["serviceAccountToken"]?["expirationSeconds"] == 3600)
            #expect(try await kubectl.check(["get", "sa", "multinet", "-n", "kube-system", "-o", "name"]) == "serviceaccount/multinet\n")
            let role = try KubeJSON.parse(try await kubectl.check(["get", "clusterrole", "multinet", "-o", "json"]))
            let rules = role["rules"]?.arrayValue ?? []
            #expect(rules.contains { $0["resources"] == ["pods"] && $0["verbs"] == ["get", "list", "watch", "patch"] })
            #expect(rules.contains { $0["resources"] == ["events"] && $0["verbs"] == ["create", "patch", "list"] })
            #expect(rules.contains { $0["resources"] == ["networks"] && $0["verbs"] == ["get", "list", "watch"] })
            #expect(try await kubectl.check(["get", "clusterrolebinding", "multinet", "-o", "jsonpath={.subjects[0].name}"]) == "multinet")

            // The ConfigMap carries the script byte for byte.
            let configMap = try KubeJSON.parse(try await kubectl.check(["get", "cm", "multinet-install", "-n", "kube-system", "-o", "json"]))
            #expect(configMap.value(at: ["data", "install-multinet.sh"]) == .string(try DeployDirectory.read("install-multinet.sh")))

            let again = try await kubectl.check(["apply", "-f", DeployDirectory.path])
            #expect(!again.contains("created") && !again.contains("configured"), "\(again)")
            #expect(again.contains("daemonset.apps/multinet unchanged"), "\(again)")
            // Nodes are only touched with --publish-node-labels, whose RBAC is a file of its own.
            #expect(!rules.contains { $0["resources"] == ["nodes"] })
            let optional = try await kubectl.check(["apply", "-f", DeployDirectory.path + "/optional/node-labels-rbac.yaml"])
            #expect(optional.contains("clusterrole.rbac.authorization.k8s.io/multinet-node-labels created"), "\(optional)")
            let labelsRole = try KubeJSON.parse(try await kubectl.check(["get", "clusterrole", "multinet-node-labels", "-o", "json"]))
            #expect(labelsRole["rules"]?.arrayValue == [["apiGroups": [""], "resources": ["nodes"], "verbs": ["get", "patch"]]])
            #expect(server.store.list(.customResourceDefinitions).count == 2)
        }
    }

    @Test("kubectl apply -f deploy/examples/ creates Networks, NetworkAttachmentDefinitions and pods")
    func applyExamples() async throws {
        try await withKubectl { server, kubectl, _ in
            try await kubectl.check(["apply", "-f", DeployDirectory.path])
            let output = try await kubectl.check(["apply", "-f", DeployDirectory.examples])
            for line in [
                "network.alpha.network.k8s.io/dbnet created", "network.alpha.network.k8s.io/othernet created",
                "network.alpha.network.k8s.io/thick-plugin-example created", "pod/alpha-three-networks created",
                "namespace/other-ns created", "networkattachmentdefinition.k8s.cni.cncf.io/dbnet created",
                "networkattachmentdefinition.k8s.cni.cncf.io/othernet created",
                "networkattachmentdefinition.k8s.cni.cncf.io/macvlan-static created",
                "pod/npwg-comma created", "pod/npwg-json created",
            ] {
                #expect(output.contains(line), "\(output)")
            }
            #expect(try await kubectl.check(["get", "networks", "-o", "name"]) == """
                network.alpha.network.k8s.io/dbnet
                network.alpha.network.k8s.io/othernet
                network.alpha.network.k8s.io/thick-plugin-example

                """)
            #expect(try await kubectl.check(["get", "net-attach-def", "-A", "-o", "name"]).split(separator: "\n").count == 3)
            let thick = server.store.get(.networks, namespace: "default", name: "thick-plugin-example")
            #expect(thick?.string(at: "spec.plugin") == "thick-example")
            #expect(server.store.get(.networks, namespace: "default", name: "dbnet")?.value(at: "spec.plugin") == nil)

            let alpha = server.store.get(.pods, namespace: "default", name: "alpha-three-networks")
            #expect(alpha?.value(at: ["metadata", "annotations", "alpha.network.k8s.io/networks"]) == "dbnet,othernet,thick-plugin-example")
            let comma = server.store.get(.pods, namespace: "default", name: "npwg-comma")
            #expect(comma?.value(at: ["metadata", "annotations", "k8s.v1.cni.cncf.io/networks"]) == "othernet@eth5,other-ns/dbnet")

            // spec.config is a CNI config list; the JSON selection parses, with ips and mac.
            let dbnet = try #require(server.store.get(.networkAttachmentDefinitions, namespace: "other-ns", name: "dbnet"))
            let config = try KubeJSON.parse(try #require(dbnet.string(at: "spec.config")))
            #expect(config["name"] == "dbnet")
            #expect(server.store.get(.networkAttachmentDefinitions, namespace: "default", name: "othernet")?.value(at: "spec.config") == nil)
            let json = server.store.get(.pods, namespace: "default", name: "npwg-json")
            let selections = try KubeJSON.parse(
                try #require(json?.value(at: ["metadata", "annotations", "k8s.v1.cni.cncf.io/networks"])?.stringValue))
            #expect(selections.arrayValue?.first?["ips"] == ["10.30.0.5/24"])
            #expect(selections.arrayValue?.first?["mac"] == "c2:b0:57:49:47:f1")
            #expect(selections.arrayValue?.last?["namespace"] == "other-ns")
        }
    }

    @Test("the alpha Network CRD without its approval annotation is rejected as by the apiserver")
    func unapprovedCRDRejected() async throws {
        try await withKubectl { server, kubectl, files in
            let original = try DeployDirectory.read("02-crd-networks.yaml")
            let stripped = original.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("annotations:") && !$0.contains("api-approved.kubernetes.io:") }
                .joined(separator: "\n")
            #expect(stripped != original)
            let file = try files.write("crd-networks-unapproved.yaml", contents: stripped)
            let result = try await kubectl.run(["apply", "-f", file])
            #expect(result.status == 1)
            // kubectl words a 422 from details.kind and details.name, exactly as against a cluster.
            #expect(result.stderr == #"The CustomResourceDefinition "networks.alpha.network.k8s.io" is invalid: "#
                + CRDFixtures.missingApprovalMessage + "\n", "\(result.stderr)")
            #expect(server.store.list(.customResourceDefinitions).isEmpty)
        }
    }

    @Test("the kubeconfig the install script writes works with kubectl (tokenFile, certificate-authority)")
    func installedKubeconfigWorks() async throws {
        try await withKubectl { server, kubectl, _ in
            try await kubectl.check(["apply", "-f", DeployDirectory.path])
            let node = try InstallScriptRun(token: server.token, caPEM: server.caPEM)
            defer { node.root.remove() }
            try node.root.write("stop", contents: "")  // one pass
            let result = try await node.run(server: server.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains(server.token))
            let plugin = Kubectl(home: kubectl.home, kubeconfig: node.kubeconfig)
            #expect(try await plugin.check(["get", "crd", "networks.alpha.network.k8s.io", "-o", "name"])
                == "customresourcedefinition.apiextensions.k8s.io/networks.alpha.network.k8s.io\n")
        }
    }
}
