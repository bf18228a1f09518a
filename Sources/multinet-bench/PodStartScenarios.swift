import Foundation
import KubeAPIServerDouble
import MultinetBenchmark
import MultinetSystem
import Synchronization

/// Scenarios (a)–(d) and the start-up row: multinet against the delegates called
/// directly, interleaved round by round (the side that goes first alternates); and (g),
/// multinet with a YAML kubeconfig against multinet with the same kubeconfig in JSON.
struct PodStartScenarios {
    let node: BenchNode
    let rounds: Int
    let warmup: Int
    let log: (String) -> Void

    /// ADD then DEL of one container; returns the two durations.
    static func addDel(_ executable: String, config: String, id: String, netns: String, ifName: String = "eth0",
                       pod: String = "bench", uid: String = "") throws -> (add: Double, del: Double) {
        var call = PluginCall(executable: executable, command: "ADD", containerID: id, netns: netns, ifName: ifName,
                              podName: pod, podUID: uid, stdin: config)
        let add = try call.run()
        call.command = "DEL"
        call.stdin = try PluginCall.withPrevResult(config, add.stdout)
        let del = try call.run()
        return (add.milliseconds, del.milliseconds)
    }

    /// Runs `multinet` and `direct` alternately, `warmup` unrecorded rounds first; each
    /// returns its durations (one per measure). Returns the samples per measure and side.
    func interleave(_ name: String, measures: Int,
                    multinet: (String) throws -> [Double], direct: (String) throws -> [Double]) throws -> (m: [Samples], d: [Samples]) {
        var m = Array(repeating: Samples(), count: measures), d = m
        for round in 0..<(warmup + rounds) {
            let id = "\(name)\(node.tag)r\(round)"
            let first = round % 2 == 0
            var mt: [Double] = [], dt: [Double] = []
            if first { mt = try multinet(id + "m") }
            dt = try direct(id + "d")
            if !first { mt = try multinet(id + "m") }
            guard round >= warmup else { continue }
            for i in 0..<measures {
                m[i].append(mt[i])
                d[i].append(dt[i])
            }
        }
        log("  \(name): \(rounds) rounds done")
        return (m, d)
    }

    /// The process start-up cost alone: `VERSION` of multinet against `VERSION` of bridge.
    func startup() throws -> Comparison {
        let stdin = #"{"cniVersion":"1.0.0"}"#
        func version(_ exe: String) throws -> [Double] {
            [try PluginCall(executable: exe, command: "VERSION", containerID: "", netns: "", stdin: stdin).run().milliseconds]
        }
        let (m, d) = try interleave("version", measures: 1, multinet: { _ in try version(node.multinet) },
                                    direct: { _ in try version(node.bridgePlugin) })
        return Comparison(scenario: "start-up: `VERSION`", measure: "one call", multinet: m[0], direct: d[0])
    }

    /// (a) The default network only, no apiserver: multinet + bridge against bridge.
    func defaultOnly() throws -> [Comparison] {
        let nsM = try node.namespace(), nsD = try node.namespace()
        let config = node.multinetConfig()
        let (m, d) = try interleave("a", measures: 2, multinet: { id in
            let t = try Self.addDel(node.multinet, config: config, id: id, netns: nsM)
            return [t.add, t.del]
        }, direct: { id in
            let t = try Self.addDel(node.bridgePlugin, config: node.podnetDirect, id: id, netns: nsD)
            return [t.add, t.del]
        })
        let title = "(a) default network only, no apiserver"
        return [
            Comparison(scenario: title, measure: "ADD+DEL", multinet: Self.sum(m[0], m[1]), direct: Self.sum(d[0], d[1]), target: 1.25),
            Comparison(scenario: title, measure: "ADD", multinet: m[0], direct: d[0]),
            Comparison(scenario: title, measure: "DEL", multinet: m[1], direct: d[1]),
        ]
    }

    /// (h) As (a), with the operation samples the agent's metrics read (the default)
    /// against the same binary with `operationMetrics: false`: what recording costs the
    /// pod-start path. The "direct" side is multinet without samples.
    func operationRecording() throws -> Comparison {
        let nsOn = try node.namespace(), nsOff = try node.namespace()
        let on = node.multinetConfig(), off = node.multinetConfig(operationMetrics: false)
        let (m, d) = try interleave("h", measures: 1, multinet: { id in
            let t = try Self.addDel(node.multinet, config: on, id: id, netns: nsOn)
            return [t.add + t.del]
        }, direct: { id in
            let t = try Self.addDel(node.multinet, config: off, id: id, netns: nsOff)
            return [t.add + t.del]
        })
        return Comparison(scenario: "(h) as (a), operation samples recorded against `operationMetrics: false`",
                          measure: "ADD+DEL", multinet: m[0], direct: d[0])
    }

    /// (b) Three networks (default + two NADs over TLS) against three direct ADD+DELs.
    /// `passAnnotations`: the runtime passes the pod's annotations (the deployed conflist
    /// declares the capability); otherwise multinet GETs the pod.
    func threeNetworks(cluster: BenchCluster, passAnnotations: Bool) throws -> Comparison {
        let nsM = try node.namespace(), nsD = try node.namespace()
        let annotations = passAnnotations ? cluster.multiPodAnnotations : nil
        let config = node.multinetConfig(kubeconfig: cluster.kubeconfig, annotations: annotations)
        let direct = [("eth0", node.podnetDirect), ("net1", cluster.directConfigs[0]), ("net2", cluster.directConfigs[1])]
        let (m, d) = try interleave(passAnnotations ? "b" : "b2", measures: 1, multinet: { id in
            let t = try Self.addDel(node.multinet, config: config, id: id, netns: nsM, pod: cluster.multiPod, uid: cluster.multiPodUID)
            return [t.add + t.del]
        }, direct: { id in
            var results: [(String, String, String)] = []
            let start = MonotonicClock.nanoseconds()
            for (ifName, conf) in direct {
                let add = try PluginCall(executable: node.bridgePlugin, command: "ADD", containerID: id, netns: nsD,
                                         ifName: ifName, stdin: conf).run()
                results.append((ifName, conf, add.stdout))
            }
            for (ifName, conf, result) in results.reversed() {
                _ = try PluginCall(executable: node.bridgePlugin, command: "DEL", containerID: id, netns: nsD, ifName: ifName,
                                   stdin: try PluginCall.withPrevResult(conf, result)).run()
            }
            return [Double(MonotonicClock.nanoseconds() &- start) / 1e6]
        })
        let title = passAnnotations
            ? "(b) three networks (default + 2 NADs), apiserver over TLS"
            : "(b′) as (b), runtime without the pod-annotations capability (pod GET)"
        return Comparison(scenario: title, measure: "ADD+DEL", multinet: m[0], direct: d[0], target: passAnnotations ? 1.20 : nil)
    }

    /// (c) A plain pod (default network only) while an apiserver is configured.
    func plainPodWithApiserver(cluster: BenchCluster, passAnnotations: Bool) throws -> Comparison {
        let nsM = try node.namespace(), nsD = try node.namespace()
        let config = node.multinetConfig(kubeconfig: cluster.kubeconfig, annotations: passAnnotations ? [:] : nil)
        let (m, d) = try interleave(passAnnotations ? "c" : "c2", measures: 1, multinet: { id in
            let t = try Self.addDel(node.multinet, config: config, id: id, netns: nsM, pod: cluster.plainPod, uid: cluster.plainPodUID)
            return [t.add + t.del]
        }, direct: { id in
            let t = try Self.addDel(node.bridgePlugin, config: node.podnetDirect, id: id, netns: nsD)
            return [t.add + t.del]
        })
        let title = passAnnotations
            ? "(c) plain pod, apiserver configured"
            : "(c′) as (c), runtime without the pod-annotations capability (pod GET)"
        return Comparison(scenario: title, measure: "ADD+DEL", multinet: m[0], direct: d[0], target: passAnnotations ? 1.30 : nil)
    }

    /// (g) The kubeconfig's format: (c′), whose ADD reads the kubeconfig to GET the pod,
    /// with the YAML kubeconfig on one side and the same kubeconfig in JSON on the other.
    func kubeconfigFormats(cluster: BenchCluster) throws -> Comparison {
        let nsY = try node.namespace(), nsJ = try node.namespace()
        let yaml = node.multinetConfig(kubeconfig: cluster.yamlKubeconfig)
        let json = node.multinetConfig(kubeconfig: cluster.kubeconfig)
        let (y, j) = try interleave("g", measures: 1, multinet: { id in
            let t = try Self.addDel(node.multinet, config: yaml, id: id, netns: nsY, pod: cluster.plainPod, uid: cluster.plainPodUID)
            return [t.add + t.del]
        }, direct: { id in
            let t = try Self.addDel(node.multinet, config: json, id: id, netns: nsJ, pod: cluster.plainPod, uid: cluster.plainPodUID)
            return [t.add + t.del]
        })
        return Comparison(scenario: "(g) as (c′), YAML kubeconfig against the same in JSON", measure: "ADD+DEL",
                          multinet: y[0], direct: j[0])
    }

    /// (d) `pods` pods at once (a thread each), each ADD then DEL: the wall time of all.
    func parallel(pods: Int) throws -> Comparison {
        let nsM = try (0..<pods).map { _ in try node.namespace() }
        let nsD = try (0..<pods).map { _ in try node.namespace() }
        let config = node.multinetConfig()
        func wave(_ executable: String, _ config: String, _ spaces: [String], _ id: String) throws -> [Double] {
            [try AtOnce.run(spaces.count) { index in
                _ = try Self.addDel(executable, config: config, id: "\(id)p\(index)", netns: spaces[index])
            }]
        }
        let (m, d) = try interleave("d", measures: 1, multinet: { id in try wave(node.multinet, config, nsM, id) },
                                    direct: { id in try wave(node.bridgePlugin, node.podnetDirect, nsD, id) })
        return Comparison(scenario: "(d) \(pods) pods at once (each ADD then DEL), wall time", measure: "all \(pods)",
                          multinet: m[0], direct: d[0], target: 1.25)
    }

    /// A sample per round: the sums of two sample lists' rounds.
    static func sum(_ a: Samples, _ b: Samples) -> Samples {
        Samples(zip(a.values, b.values).map { $0 + $1 })
    }
}
