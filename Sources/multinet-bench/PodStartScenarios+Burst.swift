import Foundation
import MultinetBenchmark

extension PodStartScenarios {
    /// (r) A node's reboot: `pods` pods' ADDs at once (a thread each), then their DELs at
    /// once; multinet against bridge called directly, interleaved. Then one more wave of
    /// multinet ADDs at `logLevel: debug`, whose `timings` lines carry each process's peak
    /// resident set: per ADD, and summed over the wave (the processes overlap).
    func rebootBurst(pods: Int) throws -> (rows: [Comparison], figures: [Figure]) {
        let nsM = try (0..<pods).map { _ in try node.namespace() }
        let nsD = try (0..<pods).map { _ in try node.namespace() }
        let config = node.multinetConfig()
        func wave(_ executable: String, _ config: String, _ spaces: [String], _ id: String) throws -> [Double] {
            let results = ResultSlots(count: spaces.count)
            let add = try AtOnce.run(spaces.count) { index in
                let call = PluginCall(executable: executable, command: "ADD", containerID: "\(id)p\(index)",
                                      netns: spaces[index], stdin: config)
                results.set(index, try call.run().stdout)
            }
            let del = try AtOnce.run(spaces.count) { index in
                _ = try PluginCall(executable: executable, command: "DEL", containerID: "\(id)p\(index)", netns: spaces[index],
                                   stdin: try PluginCall.withPrevResult(config, results.get(index))).run()
            }
            return [add, del]
        }
        let burst = PodStartScenarios(node: node, rounds: max(1, min(rounds, 5)), warmup: 1, log: log)
        let (m, d) = try burst.interleave("r", measures: 2, multinet: { id in try wave(node.multinet, config, nsM, id) },
                                          direct: { id in try wave(node.bridgePlugin, node.podnetDirect, nsD, id) })
        let title = "(r) reboot burst: \(pods) pods at once"
        let rows = [
            Comparison(scenario: title, measure: "all \(pods) ADDs, wall time", multinet: m[0], direct: d[0], target: 1.30),
            Comparison(scenario: title, measure: "all \(pods) DELs, wall time", multinet: m[1], direct: d[1]),
        ]

        let logFile = node.root + "/burst-\(node.tag).log"
        let debug = node.multinetConfig(logLevel: "debug", logFile: logFile)
        _ = try wave(node.multinet, debug, nsM, "rmem\(node.tag)")
        var profile = PhaseProfile()
        profile.add(log: try String(contentsOfFile: logFile, encoding: .utf8), command: "ADD")
        let sum = profile.peakRSS.values.reduce(0, +), privateSum = profile.privateRSS.values.reduce(0, +)
        let figures = [
            Figure(name: "(r) peak RSS of one multinet ADD", samples: profile.peakRSS, unit: "MB", limit: 10,
                   note: "VmHWM of each of the \(profile.peakRSS.values.count) ADDs of one \(pods)-pod burst (logLevel debug): "
                       + "counts the pages of the binary's file, which all the processes share"),
            Figure(name: "(r) memory one multinet ADD holds alone", samples: profile.privateRSS, unit: "MB", limit: 10,
                   note: "RssAnon at the end of each ADD (heap and stacks; malloc keeps what it used mapped)"),
            Figure(name: "(r) sum of the \(pods) ADDs' peak RSS", samples: Samples([sum]), unit: "MB",
                   note: "counts the shared file pages \(pods) times: an upper bound, far above what the burst used"),
            Figure(name: "(r) sum of the \(pods) ADDs' own memory", samples: Samples([privateSum]), unit: "MB",
                   note: "plus one copy of the binary's resident pages (the peak RSS less this, per process)"),
        ]
        return (rows, figures)
    }
}

/// One result slot per pod, written by that pod's thread only.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String]

    init(count: Int) { values = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> String { lock.withLock { values[index] } }
}
