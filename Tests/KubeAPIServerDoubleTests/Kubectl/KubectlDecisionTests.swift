import MultinetTestSupport
import Testing

@Suite("Whether the kubectl test runs")
struct KubectlDecisionTests {
    @Test("a missing kubectl skips the test, or fails it when MULTINET_REQUIRE_E2E=1")
    func missingKubectl() {
        let missing = "/nonexistent/kubectl"
        guard case .fail(let message) = Kubectl.decision(path: missing, isRequired: true) else {
            Issue.record("a required but missing kubectl must fail the test")
            return
        }
        #expect(message.contains(missing))
        guard case .skip = Kubectl.decision(path: missing, isRequired: false) else {
            Issue.record("a missing kubectl must skip the test when not required")
            return
        }
    }

    @Test("an executable kubectl runs the test")
    func presentKubectl() {
        #expect(Kubectl.decision(path: "/bin/sh", isRequired: true) == .run)
    }
}
