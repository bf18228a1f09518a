import Foundation
import MultinetBenchmark

/// The profile: multinet alone with `logLevel: debug`, whose `timings` line says where
/// each invocation's time went; the process's start and exit are what the wall time
/// measured outside has beyond the plugin's own `total`.
struct ProfileScenario {
    let node: BenchNode
    let rounds: Int

    struct Result {
        var title: String
        var add: PhaseProfile
        var del: PhaseProfile
        var addWall: Samples
        var delWall: Samples
    }

    func run(_ title: String, kubeconfig: String? = nil, annotations: [String: String]? = nil,
             pod: String = "bench", uid: String = "") throws -> Result {
        let logFile = node.root + "/profile-\(UInt32.random(in: 0...UInt32.max)).log"
        let config = node.multinetConfig(kubeconfig: kubeconfig, annotations: annotations, logLevel: "debug", logFile: logFile)
        let ns = try node.namespace()
        var addWall = Samples(), delWall = Samples()
        for round in 0..<rounds {
            let t = try PodStartScenarios.addDel(node.multinet, config: config, id: "prof\(node.tag)\(round)\(title.filter { $0.isASCII && $0.isLetter })",
                                                 netns: ns, pod: pod, uid: uid)
            addWall.append(t.add)
            delWall.append(t.del)
        }
        let text = try String(contentsOfFile: logFile, encoding: .utf8)
        var add = PhaseProfile(), del = PhaseProfile()
        add.add(log: text, command: "ADD")
        del.add(log: text, command: "DEL")
        return Result(title: title, add: add, del: del, addWall: addWall, delWall: delWall)
    }

    /// One Markdown table: a row per phase, a column per profiled scenario and command.
    static func table(_ results: [Result]) -> String {
        var names: [String] = []
        for result in results {
            for name in result.add.order + result.del.order where !names.contains(name) && !["exit", "total"].contains(name) {
                names.append(name)
            }
        }
        let columns = results.flatMap { [($0.title + " ADD", $0.add, $0.addWall), ($0.title + " DEL", $0.del, $0.delWall)] }
        var lines = ["| phase (median ms) | " + columns.map(\.0).joined(separator: " | ") + " |",
                     "|---|" + String(repeating: "---|", count: columns.count)]
        func cell(_ samples: Samples?) -> String {
            samples?.median.map { BenchmarkReport.format($0, digits: 2) } ?? "–"
        }
        lines.append("| **wall time, measured outside** | " + columns.map { "**\(cell($0.2))**" }.joined(separator: " | ") + " |")
        lines.append("| process start + exit (wall − total) | " + columns.map { column in
            guard let wall = column.2.median, let total = column.1.phases["total"]?.median else { return "–" }
            return BenchmarkReport.format(wall - total, digits: 2)
        }.joined(separator: " | ") + " |")
        lines.append("| total inside `main` | " + columns.map { cell($0.1.phases["total"]) }.joined(separator: " | ") + " |")
        for name in names {
            lines.append("| \(name) | " + columns.map { cell($0.1.phases[name]) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
