import MultinetSystem
import Testing

@Suite("PeakMemory: VmHWM of /proc/self/status")
struct PeakMemoryTests {
    @Test("the VmHWM line is read in kB; anything else is no figure", arguments: [
        ("Name:\tmultinet\nVmPeak:\t  120000 kB\nVmHWM:\t    9876 kB\nVmRSS:\t    9000 kB\n", 9876),
        ("VmHWM:\t1 kB\n", 1),
        ("Name:\tx\nVmRSS:\t 9000 kB\n", nil),
        ("VmHWM:\t 12 MB\n", nil),
        ("VmHWM:\t lots kB\n", nil),
        ("", nil),
    ] as [(String, Int?)])
    func parses(status: String, expected: Int?) {
        #expect(PeakMemory.residentKilobytes(status: status) == expected)
    }

    @Test("this process has a peak, at least its current resident set")
    func ownPeak() throws {
        let peak = try #require(PeakMemory.residentKilobytes())
        #expect(peak > 0)
    }
}
