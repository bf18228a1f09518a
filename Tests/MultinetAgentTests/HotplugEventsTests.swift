import MultinetCore
import Testing
@testable import MultinetAgent

@Suite("Hot-plug Events: one per interface, refusals of the selection only")
struct HotplugEventsTests {
    static func report(attached: [HotplugReport.Change] = [], detached: [HotplugReport.Change] = [],
                       refusal: HotplugReport.Refusal? = nil) -> HotplugReport {
        var report = HotplugReport(pod: "default/web")
        report.attached = attached
        report.detached = detached
        report.refusal = refusal
        return report
    }

    static let rows: [(String, HotplugReport, [String])] = [
        ("nothing changed", report(), []),
        ("one added", report(attached: [.init(network: "default/red", ifName: "net1")]),
         ["Normal AddedInterface net1 default/red"]),
        ("one failed to add", report(attached: [.init(network: "default/ghost", ifName: "net2", error: "not found")]),
         ["Warning FailedAddingInterface net2 default/ghost not found"]),
        ("removed, then added: detaches first",
         report(attached: [.init(network: "default/blue", ifName: "net2")],
                detached: [.init(network: "default/red", ifName: "net1")]),
         ["Normal RemovedInterface net1 default/red", "Normal AddedInterface net2 default/blue"]),
        ("failed to remove", report(detached: [.init(network: "default/red", ifName: "net1", error: "busy device")]),
         ["Warning FailedRemovingInterface net1 default/red busy device"]),
        ("a refused selection", report(refusal: .init(.selection, "pod default/web: the first element changed")),
         ["Warning HotplugRefused the first element changed"]),
        ("no sandbox yet: nothing, it is tried again", report(refusal: .init(.noSandbox, "no sandbox")), []),
        ("busy: nothing", report(refusal: .init(.busy, "held")), []),
        ("store unreadable: nothing", report(refusal: .init(.store, "locked")), []),
    ]

    @Test("events of a report", arguments: rows.indices)
    func events(row: Int) {
        let (name, report, expected) = Self.rows[row]
        let events = HotplugEvents.events(report)
        #expect(events.count == expected.count, "\(name): \(events)")
        for (event, want) in zip(events, expected) {
            let parts = want.split(separator: " ", maxSplits: 2).map(String.init)
            #expect(event.type == parts[0] && event.reason == parts[1], "\(name): \(event)")
            for fragment in parts[2].split(separator: " ") {
                #expect(event.message.contains(fragment), "\(name): \(event.message) lacks \(fragment)")
            }
        }
    }
}
