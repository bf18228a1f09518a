import MultinetBenchmark
import Testing

@Suite("BenchmarkReport: Markdown tables")
struct BenchmarkReportTests {
    @Test("numbers are rounded half away from zero with a fixed count of decimals",
          arguments: [(1.005, 1, "1.0"), (2.25, 1, "2.3"), (0.0, 2, "0.00"), (-1.25, 1, "-1.3"), (12.0, 0, "12"), (3.14159, 2, "3.14"), (-0.001, 1, "0.0")])
    func format(_ value: Double, _ digits: Int, _ expected: String) {
        #expect(BenchmarkReport.format(value, digits: digits) == expected)
    }

    @Test("a comparison row shows medians with their range, the ratio, the added time and whether the target is met")
    func comparisonRow() {
        let table = BenchmarkReport.comparisons([
            Comparison(scenario: "(a) default", measure: "ADD+DEL", multinet: Samples([40, 44, 42]), direct: Samples([36, 40, 38]), target: 1.10),
            Comparison(scenario: "(d) parallel", measure: "all 16", multinet: Samples([300]), direct: Samples([200]), target: 1.20),
        ])
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[2] == "| (a) default | ADD+DEL | 42.0 ms (40.0–44.0) | 38.0 ms (36.0–40.0) | 1.11× | +4.0 ms | ≤ 1.10× **missed** |")
        #expect(lines[3] == "| (d) parallel | all 16 | 300.0 ms (300.0–300.0) | 200.0 ms (200.0–200.0) | 1.50× | +100.0 ms | ≤ 1.20× **missed** |")
    }

    @Test("a table comparing two ways of running multinet names its sides")
    func namedSides() {
        let table = BenchmarkReport.comparisons([
            Comparison(scenario: "(g) kubeconfig", measure: "ADD+DEL", multinet: Samples([51, 50]), direct: Samples([50, 49])),
        ], sides: ("YAML kubeconfig", "JSON kubeconfig"))
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0] == "| scenario | measure | YAML kubeconfig median (min–max) | JSON kubeconfig median (min–max) | ratio | added | target |")
        #expect(lines[2] == "| (g) kubeconfig | ADD+DEL | 50.5 ms (50.0–51.0) | 49.5 ms (49.0–50.0) | 1.02× | +1.0 ms | – |")
    }

    @Test("a measurement row shows the limit and whether it is met; small medians get two decimals")
    func figureRow() {
        let table = BenchmarkReport.figures([
            Figure(name: "refresh CPU", samples: Samples([4, 5, 6]), unit: "ms", limit: 20, note: "250 pods"),
            Figure(name: "render", samples: Samples([]), unit: "ms"),
        ])
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[2] == "| refresh CPU | 5.00 ms (4.00–6.00) | < 20 ms met | 250 pods |")
        #expect(lines[3] == "| render | – | – |  |")
    }
}
