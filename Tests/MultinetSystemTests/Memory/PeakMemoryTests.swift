import MultinetSystem
import Testing

@Suite("PeakMemory: VmHWM of /proc/self/status")
struct PeakMemoryTests {
    static let status = "Name:\tmultinet\nVmPeak:\t  120000 kB\nVmHWM:\t    9876 kB\nVmRSS:\t    9000 kB\nRssAnon:\t     516 kB\nRssFile:\t    8484 kB\n"

    @Test("the VmHWM line is read in kB; anything else is no figure", arguments: [
        (Self.status, 9876),
        ("VmHWM:\t1 kB\n", 1),
        ("Name:\tx\nVmRSS:\t 9000 kB\n", nil),
        ("VmHWM:\t 12 MB\n", nil),
        ("VmHWM:\t lots kB\n", nil),
        ("", nil),
    ] as [(String, Int?)])
    func parses(status: String, expected: Int?) {
        #expect(PeakMemory.kilobytes("VmHWM", status: status) == expected)
    }

    @Test("RssAnon is its own line, not VmRSS or RssFile")
    func privateMemory() {
        #expect(PeakMemory.kilobytes("RssAnon", status: Self.status) == 516)
        #expect(PeakMemory.kilobytes("RssFile", status: Self.status) == 8484)
        #expect(PeakMemory.kilobytes("RssShmem", status: Self.status) == nil)
    }

    @Test("this process has a peak, at least its current resident set")
    func ownPeak() throws {
        let peak = try #require(PeakMemory.residentKilobytes())
        let own = try #require(PeakMemory.privateKilobytes())
        #expect(peak > 0)
        #expect(own > 0 && own <= peak)
    }
}
