import Foundation
import MultinetTestSupport
import Testing
@testable import KubeAPIServerDouble

/// The proof that the double speaks the real protocol: the real kubectl drives it.
@Suite("kubectl against the double", .serialized, EndToEndTrait(decide: { Kubectl.decision }))
struct KubectlTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: default
          labels:
            app: web
        spec:
          nodeName: node-a
          containers:
          - name: app
            image: registry.k8s.io/pause:3.10
        """

    static let networks = """
        apiVersion: k8s.cni.cncf.io/v1
        kind: NetworkAttachmentDefinition
        metadata:
          name: macvlan-conf
          namespace: default
        spec:
          config: '{"cniVersion":"1.0.0","type":"macvlan","master":"eth0"}'
        ---
        apiVersion: alpha.network.k8s.io/v1
        kind: Network
        metadata:
          name: dbnet
          namespace: default
        spec:
          plugin: thick-plugin-example
        """

    @Test("apply, get, field selectors, annotate, patch, custom resources, watch, errors, delete (token)")
    func tokenSession() async throws {
        try await withServer { server in
            let files = try TemporaryDirectory(prefix: "kubectl-double")
            defer { files.remove() }
            let kubeconfig = try server.writeKubeconfig(to: files.file("kubeconfig.yaml"))
            let kubectl = Kubectl(home: try TemporaryDirectory(prefix: "kubectl-home"), kubeconfig: kubeconfig)
            defer { kubectl.home.remove() }

            // apply: create, then update through a patch.
            let podFile = try files.write("pod.yaml", contents: Self.pod)
            #expect(try await kubectl.check(["apply", "-f", podFile]).contains("pod/web created"))
            let created = try #require(server.store.get(.pods, namespace: "default", name: "web"))
            #expect(created.value(at: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]) != nil)
            try files.write("pod.yaml", contents: Self.pod.replacing("app: web", with: "app: web2"))
            #expect(try await kubectl.check(["apply", "-f", podFile]).contains("pod/web configured"))
            let applied = try #require(server.store.get(.pods, namespace: "default", name: "web"))
            #expect(applied.string(at: "metadata.labels.app") == "web2")
            #expect(server.requests.all.contains {
                $0.method == "PATCH" && $0.contentType == "application/strategic-merge-patch+json"
            })

            // get -o json shows the server-set fields.
            let json = try KubeJSON.parse(try await kubectl.check(["get", "pod", "web", "-o", "json"]))
            #expect(json.string(at: "metadata.uid") == applied.string(at: "metadata.uid"))
            #expect(json.string(at: "metadata.resourceVersion") == applied.string(at: "metadata.resourceVersion"))
            #expect(json.string(at: "metadata.creationTimestamp") != nil)
            #expect(json.string(at: "spec.nodeName") == "node-a")

            // Field selectors over all namespaces.
            try server.store.create(.pods, KubeObjects.pod(name: "other-a", namespace: "ns2", nodeName: "node-a"))
            try server.store.create(.pods, KubeObjects.pod(name: "other-b", namespace: "ns2", nodeName: "node-b"))
            let onNodeA = try await kubectl.check(["get", "pods", "-A", "--field-selector", "spec.nodeName=node-a", "-o", "name"])
            #expect(onNodeA.split(separator: "\n") == ["pod/web", "pod/other-a"])
            #expect(server.requests.all.contains { $0.path == "/api/v1/pods" && $0.queryValue("fieldSelector") == "spec.nodeName=node-a" })

            // The default (table) output.
            let table = try await kubectl.check(["get", "pods", "-n", "ns2"])
            #expect(table.contains("NAME") && table.contains("STATUS") && table.contains("other-b"))

            // annotate and patch.
            let status = #"[{"name":"default/dbnet","interface":"eth0","ips":["10.1.0.5"],"default":true}]"#
            try await kubectl.check(["annotate", "pod", "web", "k8s.v1.cni.cncf.io/network-status=\(status)"])
            let annotated = server.store.get(.pods, namespace: "default", name: "web")
            #expect(annotated?.value(at: ["metadata", "annotations", "k8s.v1.cni.cncf.io/network-status"]) == .string(status))
            try await kubectl.check(["patch", "pod", "web", "--type", "merge", "-p", #"{"metadata":{"labels":{"patched":"yes"}}}"#])
            #expect(server.store.get(.pods, namespace: "default", name: "web")?.string(at: "metadata.labels.patched") == "yes")
            #expect(server.requests.all.contains { $0.method == "PATCH" && $0.contentType == "application/merge-patch+json" })

            // Custom resources.
            let networkFile = try files.write("networks.yaml", contents: Self.networks)
            let appliedNetworks = try await kubectl.check(["apply", "-f", networkFile])
            #expect(appliedNetworks.contains("networkattachmentdefinition.k8s.cni.cncf.io/macvlan-conf created"))
            #expect(appliedNetworks.contains("network.alpha.network.k8s.io/dbnet created"))
            let nads = try await kubectl.check(["get", "network-attachment-definitions"])
            #expect(nads.contains("macvlan-conf"))
            let nad = try KubeJSON.parse(try await kubectl.check(["get", "net-attach-def", "macvlan-conf", "-o", "json"]))
            #expect(nad.string(at: "spec.config") == #"{"cniVersion":"1.0.0","type":"macvlan","master":"eth0"}"#)
            #expect(try await kubectl.check(["get", "networks.alpha.network.k8s.io", "-o", "name"]) == "network.alpha.network.k8s.io/dbnet\n")
            try files.write("networks.yaml", contents: Self.networks.replacing("thick-plugin-example", with: "other-plugin"))
            #expect(try await kubectl.check(["apply", "-f", networkFile]).contains("network.alpha.network.k8s.io/dbnet configured"))
            #expect(server.store.get(.networks, namespace: "default", name: "dbnet")?.string(at: "spec.plugin") == "other-plugin")

            // A short watch sees a change made once its watch request is in.
            async let watched = kubectl.run(["get", "pods", "--watch", "-n", "ns2"], killAfter: 8)
            let watchIsOpen = await eventually(within: .seconds(7)) {
                server.requests.all.contains { $0.path == "/api/v1/namespaces/ns2/pods" && $0.queryValue("watch") == "true" }
            }
            #expect(watchIsOpen)
            try server.store.create(.pods, KubeObjects.pod(name: "arrived", namespace: "ns2"))
            let watch = try await watched
            #expect(watch.status == 124, "\(watch.stderr)")  // ended by timeout, not by an error
            #expect(watch.stdout.contains("other-a"))
            #expect(watch.stdout.contains("arrived"), "\(watch.stdout)\n\(watch.stderr)")

            // Typed clients send protobuf: create namespace, run.
            #expect(try await kubectl.check(["create", "namespace", "team1"]).contains("namespace/team1 created"))
            #expect(try await kubectl.check(["run", "shell", "-n", "team1", "--image=busybox", "--restart=Never", "--", "sleep", "1"])
                .contains("pod/shell created"))
            let shell = server.store.get(.pods, namespace: "team1", name: "shell")
            #expect(shell?.value(at: "spec.containers") == [["name": "shell", "image": "busybox", "args": ["sleep", "1"], "resources": [:]]])
            #expect(server.requests.all.contains { $0.contentType == "application/vnd.kubernetes.protobuf" })
            #expect(try await kubectl.check(["delete", "namespace", "team1"]).contains(#"namespace "team1" deleted"#))
            #expect(server.store.get(.pods, namespace: "team1", name: "shell") == nil)

            // Errors.
            let missing = try await kubectl.run(["get", "pod", "missing"])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains(#"Error from server (NotFound): pods "missing" not found"#))

            // delete.
            #expect(try await kubectl.check(["delete", "pod", "web"]).contains(#"pod "web" deleted"#))
            #expect(server.store.get(.pods, namespace: "default", name: "web") == nil)
        }
    }

    @Test("a client certificate kubeconfig in JSON with certificate files beside it")
    func clientCertificateSession() async throws {
        try await withServer { server in
            let files = try TemporaryDirectory(prefix: "kubectl-double")
            defer { files.remove() }
            let kubeconfig = try server.writeKubeconfig(
                to: files.file("kubeconfig.json"), credential: .clientCertificate(user: "jane", groups: ["system:masters"]),
                format: .json, embedCertificates: false)
            let kubectl = Kubectl(home: try TemporaryDirectory(prefix: "kubectl-home"), kubeconfig: kubeconfig)
            defer { kubectl.home.remove() }
            try server.store.create(.pods, KubeObjects.pod(name: "web", nodeName: "node-a"))
            #expect(try await kubectl.check(["get", "pods", "-o", "name"]) == "pod/web\n")
            #expect(server.requests.all.last?.user == "jane")

            // Credentials the server does not accept: kubectl reports Unauthorized.
            let bad = Kubectl(
                home: kubectl.home,
                kubeconfig: try server.writeKubeconfig(to: files.file("bad.yaml"), credential: .token("wrong")))
            let result = try await bad.run(["get", "pods"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("Unauthorized") || result.stderr.contains("You must be logged in"), "\(result.stderr)")
        }
    }
}
