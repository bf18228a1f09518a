import Foundation
import KubeAPIServerDouble
import MultinetJSON

extension Demo {
    static let alphaPod = "legacy-0"
    static let alphaPodID = "c0ffee0005"

    /// The 2017 proposal's dialect: thin alpha `Network`s named after the conf dir's files;
    /// the first is the pod's default network (eth0), the second `eth1`.
    func alphaPod() throws {
        guard let server else { return }
        let annotation = "othernet,podnet"
        _ = try server.seed(
            KubeObjects.network(name: "podnet"), KubeObjects.network(name: "othernet"),
            KubeObjects.pod(name: Self.alphaPod, nodeName: Self.node, annotations: ["alpha.network.k8s.io/networks": annotation]))
        say("alpha Networks default/podnet and default/othernet (thin: the conf dir's files of those names); pod default/\(Self.alphaPod) asks alpha.network.k8s.io/networks: \(annotation)")
        let ns = "mndemo-\(Self.alphaPodID)"
        try addNamespace(ns)
        let out = try cni("ADD", id: Self.alphaPodID, pod: Self.alphaPod, netns: ns, kube: true)
        let result = try JSONValue(parsing: Array(out.utf8))
        let ips = result["ips"]?.arrayValue?.compactMap { $0["address"]?.stringValue } ?? []
        print("  result for the runtime (othernet, the first and so the default): ips \(ips)")
        for line in try podInterfaces(ns) { print("  inside the pod: \(line)") }
    }
}
