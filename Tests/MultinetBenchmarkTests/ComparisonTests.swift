import MultinetBenchmark
import Testing

@Suite("Comparison: ratio of medians, added time, target")
struct ComparisonTests {
    @Test("the ratio divides the medians and the added time subtracts them")
    func ratio() throws {
        let row = Comparison(scenario: "(a)", measure: "ADD+DEL", multinet: Samples([11, 12, 100]), direct: Samples([10, 10, 1]), target: 1.10)
        #expect(try #require(row.ratio) == 1.2)
        #expect(try #require(row.added) == 2)
        #expect(row.meetsTarget == false)
    }

    @Test("a ratio at the target meets it; no target or no samples says nothing")
    func target() {
        #expect(Comparison(scenario: "", measure: "", multinet: Samples([11]), direct: Samples([10]), target: 1.10).meetsTarget == true)
        #expect(Comparison(scenario: "", measure: "", multinet: Samples([11]), direct: Samples([10])).meetsTarget == nil)
        #expect(Comparison(scenario: "", measure: "", multinet: Samples(), direct: Samples([10]), target: 2).ratio == nil)
        #expect(Comparison(scenario: "", measure: "", multinet: Samples([1]), direct: Samples([0]), target: 2).ratio == nil)
    }

    @Test("a measurement is within its limit only strictly below it")
    func limit() {
        #expect(Figure(name: "x", samples: Samples([19.9]), unit: "ms", limit: 20).withinLimit == true)
        #expect(Figure(name: "x", samples: Samples([20]), unit: "ms", limit: 20).withinLimit == false)
        #expect(Figure(name: "x", samples: Samples([20]), unit: "ms").withinLimit == nil)
    }
}
