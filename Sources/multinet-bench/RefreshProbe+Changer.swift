import Foundation
import MultinetCheckpoint
import MultinetKube
import MultinetKubeAPI
import MultinetSystem
import MultinetInspector

extension RefreshProbe {
    /// Makes one change a refresh must pick up: rewrites the result of one attachment
    /// record, as a plugin's ADD would, from a process of its own (`store-touch`), and
    /// annotates one pod of the node through the apiserver (which the watch delivers).
    final class Changer {
        let stateDir: String
        let client: KubeClient
        let record: AttachmentRecord
        let pod: (namespace: String, name: String)
        let bench = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path

        init(stateDir: String, kubeconfig: String, snapshot: InspectorSnapshot) async throws {
            guard let row = snapshot.pods.first(where: { $0.existsInCluster == true && !$0.attachments.isEmpty }),
                  let record = row.attachments.first(where: { $0.result != nil }) else {
                throw BenchError.failed("refresh-probe: no attached pod of the node to change")
            }
            self.stateDir = stateDir
            client = try KubeClient(connection: ClusterConnection.likeKubectl(kubeconfig: kubeconfig, context: nil,
                                                                             environment: [:]))
            self.record = record
            pod = (row.namespace, row.name)
        }

        /// Change number `round`.
        func change(_ round: Int) async throws {
            let touched = try ProcessRunner.run(ProcessRequest(executable: bench, arguments: [
                "store-touch", "--state-dir", stateDir, "--container-id", record.containerID,
                "--runtime-ifname", record.runtimeIfName, "--ifname", record.ifName,
                "--result", String(decoding: record.result ?? [], as: UTF8.self), "--round", String(round),
            ], environment: [], timeoutSeconds: 30))
            guard touched.exit == .exited(0) else {
                throw BenchError.failed("store-touch: \(String(decoding: touched.stderr, as: UTF8.self))")
            }
            try await client.patchAnnotations(PodMetadata.self, name: pod.name, namespace: pod.namespace,
                                              annotations: ["bench.multinet.io/round": String(round)])
        }

        func close() async {
            try? await client.shutdown()
        }
    }
}
