import Foundation
import MultinetTestSupport
import Testing

/// The benchmark command runs as the README says (here with the debug build and the
/// fewest rounds): it must finish, print its tables with a ratio per scenario, and leave no
/// namespace, bridge or scratch directory behind. Its numbers are not judged here.
@Suite("End to end: the benchmark command", .endToEnd)
struct BenchmarkCommandTests {
    @Test("multinet-bench --rounds 1 runs every pod-start scenario, the reboot burst, the store and the kubeconfig formats, and cleans up")
    func smallRun() throws {
        let binary = URL(fileURLWithPath: try MultinetBinary.path).deletingLastPathComponent().appendingPathComponent("multinet-bench").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "\(binary) is missing: run swift build")
        let result = try Shell.run([binary, "--rounds", "1", "--pods", "2", "--burst-pods", "6", "--only", "start,a,h,b,c,d,r,f,g"], timeout: 600)
        #expect(result.status == 0, "\(result.stderr)")
        for row in ["start-up: `VERSION`", "(a) default network only, no apiserver", "(b) three networks",
                    "(b′) as (b)", "(c) plain pod, apiserver configured", "(c′) as (c)", "(d) 2 pods at once",
                    "(r) reboot burst: 6 pods at once | all 6 ADDs", "(r) reboot burst: 6 pods at once | all 6 DELs",
                    "(r) peak RSS of one multinet ADD", "(r) memory one multinet ADD holds alone", "(r) sum of the 6 ADDs' peak RSS",
                    "(r) sum of the 6 ADDs' own memory",
                    "(f) write-ahead record before the delegate (fsynced)",
                    "(g) as (c′), YAML kubeconfig against the same in JSON",
                    "(g) parsing the kubeconfig in-process: JSON", "(g) parsing the kubeconfig in-process: YAML"] {
            let line = result.stdout.split(separator: "\n").first { $0.contains(row) }
            #expect(line != nil, "no row \(row) in:\n\(result.stdout)")
            let memory = row.contains("RSS") || row.contains("memory")
            if let line, !row.hasPrefix("(f)"), !row.hasPrefix("(g) parsing"), !memory {
                #expect(line.contains("×"), "no ratio in \(line)")
            }
            if let line, memory {
                // Every ADD of the burst reported its peak: a figure in MB, not an empty one.
                #expect(line.contains(" MB (") && !line.contains("0.00 MB"), "no peak RSS in \(line)")
            }
        }
        #expect(!result.stdout.contains("| – | – |"), "a scenario has no samples:\n\(result.stdout)")
        let after = try Shell.run(["ip", "-o", "link", "show"]).stdout
        #expect(!after.contains("mnbench"), "bridges left:\n\(after)")
        let namespaces = try Shell.run(["ip", "netns", "list"]).stdout
        #expect(!namespaces.contains("mnbench-"), "namespaces left:\n\(namespaces)")
        let scratch = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("multinet-bench-") }
        #expect(scratch.isEmpty, "scratch directories left: \(scratch)")
    }
}
