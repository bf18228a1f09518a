import Foundation
import MultinetBenchmark
import MultinetKube
import MultinetSystem

/// (g) In this process: parsing the benchmark's kubeconfig (the double's, as kubectl writes
/// it: CA data, a token) from bytes already read, JSON against YAML.
struct KubeconfigParseScenario {
    let cluster: BenchCluster
    let rounds: Int
    /// Parses per sample (one parse is a few microseconds).
    let batch = 200

    func run() throws -> [Figure] {
        let json = Array(try Data(contentsOf: URL(fileURLWithPath: cluster.kubeconfig)))
        let yaml = Array(try Data(contentsOf: URL(fileURLWithPath: cluster.yamlKubeconfig)))
        // Both must read as the same configuration, or the comparison means nothing.
        let fromJSON = try KubeConfig.parse(json, path: "/bench/kubeconfig").connection()
        let fromYAML = try KubeConfig.parse(yaml, path: "/bench/kubeconfig").connection()
        guard fromJSON == fromYAML else { throw BenchError.failed("the YAML and JSON kubeconfigs read differently") }
        var jsonTimes = Samples(), yamlTimes = Samples()
        for round in 0..<(rounds + 2) {
            let j = try microseconds(json), y = try microseconds(yaml)
            guard round >= 2 else { continue }
            jsonTimes.append(j)
            yamlTimes.append(y)
        }
        let note = "KubeConfig.parse of \(json.count) B JSON / \(yaml.count) B YAML, mean of \(batch) parses per sample"
        return [
            Figure(name: "(g) parsing the kubeconfig in-process: JSON", samples: jsonTimes, unit: "µs", note: note),
            Figure(name: "(g) parsing the kubeconfig in-process: YAML (libyaml)", samples: yamlTimes, unit: "µs"),
        ]
    }

    /// The mean time of one parse over a batch, in microseconds.
    private func microseconds(_ bytes: [UInt8]) throws -> Double {
        let start = MonotonicClock.nanoseconds()
        for _ in 0..<batch { _ = try KubeConfig.parse(bytes, path: "/bench/kubeconfig") }
        return Double(MonotonicClock.nanoseconds() &- start) / 1e3 / Double(batch)
    }
}
