import MultinetBenchmark
import Testing

@Suite("Samples: order statistics")
struct SamplesTests {
    @Test("median of an odd count is the middle value, of an even count the mean of the two middle ones",
          arguments: [([3.0, 1, 2], 2.0), ([4.0, 1, 3, 2], 2.5), ([7.0], 7.0), ([5.0, 5, 1, 9, 9], 5.0)])
    func median(_ values: [Double], _ expected: Double) {
        #expect(Samples(values).median == expected)
    }

    @Test("empty samples have no median, min or max")
    func empty() {
        let samples = Samples()
        #expect(samples.median == nil)
        #expect(samples.min == nil)
        #expect(samples.max == nil)
        #expect(samples.count == 0)
    }

    @Test("min and max ignore the order of measurement")
    func extremes() {
        var samples = Samples([4, 9])
        samples.append(1)
        #expect(samples.min == 1)
        #expect(samples.max == 9)
        #expect(samples.count == 3)
    }
}
