import Foundation
import MultinetTestSupport
import Testing

/// `multinet-inspect demo`, the README's main job, run as a script would run it (stdout
/// not a terminal: the inspector step prints one snapshot and retries from the script).
@Suite("End to end: multinet-inspect demo", .serialized)
struct DemoTests {
    static func expectCompleteRun(_ result: ShellResult) {
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        for fragment in ["ADD pod default/analytics-0", "default/othernet", "alpha.network.k8s.io/networks: othernet,podnet",
                         "DEL default/legacy-0: interfaces left besides lo: none", "FAILURES", "demo-flaky: this teardown fails once",
                         "torn down default/flaky on net1", "host-local reservations left: none", "(no attachments recorded)"] {
            #expect(result.stdout.contains(fragment), "the demo's output lacks \(fragment):\n\(result.stdout)")
        }
    }

    @Test("with real namespaces and Debian's plugins: three networks, a failed teardown retried, nothing left")
    func realDemo() throws {
        try E2EEnvironment.require()
        let result = try InspectorBinary.run(["demo"], timeout: 240)
        Self.expectCompleteRun(result)
        #expect(!result.stdout.contains("SIMULATED"))
        #expect(result.stdout.contains("inside the pod: data0"), "\(result.stdout)")
        #expect(try !Shell.check(["ip", "netns", "list"]).contains("mndemo-c0ffee"), "the demo left network namespaces")
    }

    @Test("simulated (no root or no plugins needed): the same flow through the real multinet, labelled as simulated")
    func simulatedDemo() throws {
        let result = try InspectorBinary.run(["demo", "--simulate"], timeout: 240)
        Self.expectCompleteRun(result)
        #expect(result.stdout.contains("SIMULATED DEMO"))
        #expect(result.stdout.contains("[simulated]"))
    }
}
