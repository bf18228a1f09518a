import Testing
@testable import KubeAPIServerDouble

@Suite("Table ages")
struct HumanDurationTests {
    @Test("ages read like kubectl's", arguments: [
        (-5.0, "<invalid>"), (-0.5, "0s"), (0, "0s"), (59, "59s"), (119, "119s"), (120, "2m"), (200, "3m20s"),
        (600, "10m"), (10799, "179m"), (10800, "3h"), (18600, "5h10m"), (28800, "8h"), (172_799, "47h"),
        (183_600, "2d3h"), (691_200, "8d"), (63_072_000, "2y"), (64_800_000, "2y20d"), (300_000_000, "9y"),
    ] as [(Double, String)])
    func format(seconds: Double, text: String) {
        #expect(HumanDuration.format(seconds: seconds) == text)
    }
}
