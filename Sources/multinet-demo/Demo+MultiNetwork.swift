import Foundation
import KubeAPIServerDouble
import MultinetJSON
import MultinetPlanning

extension Demo {
    static let multiPod = "analytics-0"
    static let multiPodID = "c0ffee0003"

    /// A pod selecting two more networks with the NPWG annotation: a NetworkAttachmentDefinition
    /// carrying its config, and one whose config is the on-disk file of its name. The
    /// objects live in the apiserver test double (TLS, bearer token), as in a cluster.
    mutating func multiNetworkPod() async throws {
        let server = try await KubeAPIServer.start()
        self.server = server
        try server.writeKubeconfig(to: kubeconfig, format: .json)
        let tag = bridge.dropFirst("mndemo".count)
        let storageBridge = "mnst\(tag)", otherBridge = "mnot\(tag)"
        if !simulated {
            resources.add(link: storageBridge)
            resources.add(link: otherBridge)
        }
        let storage = #"{"cniVersion":"1.0.0",\#(pluginKeys(bridge: storageBridge, subnet: "10.250.78.0/24"))}"#
        let othernet = #"{"cniVersion":"0.4.0","name":"othernet","plugins":[{\#(pluginKeys(bridge: otherBridge, subnet: "10.250.79.0/24"))}]}"#
        try othernet.write(toFile: confDir + "/20-othernet.conflist", atomically: true, encoding: .utf8)
        let annotation = "storage,othernet@data0"
        _ = try server.seed(
            KubeObjects.networkAttachmentDefinition(name: "storage", config: storage),
            KubeObjects.networkAttachmentDefinition(name: "othernet"),
            KubeObjects.pod(name: Self.multiPod, nodeName: Self.node, annotations: ["k8s.v1.cni.cncf.io/networks": annotation]),
            KubeObjects.pod(name: "web-0", nodeName: Self.node), KubeObjects.pod(name: "db-0", nodeName: Self.node))
        say("an apiserver (the test double, TLS) at \(server.url) holds two NetworkAttachmentDefinitions and pod default/\(Self.multiPod)")
        print("  NAD default/storage   spec.config \(storage)")
        print("  NAD default/othernet  no spec.config: the conf dir's 20-othernet.conflist")
        print("  pod annotation        k8s.v1.cni.cncf.io/networks: \(annotation)")

        let ns = "mndemo-\(Self.multiPodID)"
        try addNamespace(ns)
        say("ADD pod default/\(Self.multiPod): the default network on eth0, storage on net1, othernet on data0, one by one")
        let out = try cni("ADD", id: Self.multiPodID, pod: Self.multiPod, netns: ns, kube: true)
        let result = try JSONValue(parsing: Array(out.utf8))
        let ips = result["ips"]?.arrayValue?.compactMap { $0["address"]?.stringValue } ?? []
        print("  result for the runtime (the default network's): ips \(ips)")
        for line in try podInterfaces(ns) { print("  inside the pod: \(line)") }
        let status = server.store.get(.pods, namespace: "default", name: Self.multiPod)?
            .value(at: ["metadata", "annotations", NetworkStatus.annotation])?.stringValue ?? "(missing)"
        say("multinet merge-patched the pod's \(NetworkStatus.annotation):")
        if let entries = try? JSONValue(parsing: Array(status.utf8)).arrayValue {
            for entry in entries { print("  \(entry.jsonText)") }
        } else {
            print("  \(status)")
        }
    }
}
