import MultinetCheckpoint
import Testing
@testable import MultinetInspector

@Suite("reducer: help, details, retry")
struct ReducerOverlayTests {
    typealias F = InspectorFixture

    /// The Failures view with the del_failed attachment (db-0) selected.
    func onDelFailed(readOnly: Bool = false) -> InspectorState {
        let state = F.state(view: .failures, readOnly: readOnly)
        #expect(state.selectedRow?.record?.state == .delFailed)
        return state
    }

    @Test("? opens the help, ? or Esc closes it, j/k scroll it")
    func help() {
        var state = F.run(F.state(), [.key(.char("?"))]).0
        #expect(state.overlay == .help(scroll: 0))
        state = F.run(state, [.key(.char("j")), .key(.char("j")), .key(.char("k"))]).0
        #expect(state.overlay == .help(scroll: 1))
        #expect(F.run(state, [.key(.escape)]).0.overlay == InspectorOverlay.none)
        #expect(F.run(state, [.key(.char("?"))]).0.overlay == InspectorOverlay.none)
    }

    @Test("Enter on an attachment opens its details and asks for its history, which fills them")
    func detailsLoadHistory() {
        let (state, effects) = F.run(onDelFailed(), [.key(.enter)])
        let key = AttachmentKey(containerID: "c2", runtimeIfName: "eth0", ifName: "net1")
        #expect(state.overlay == .details(.attachment(key), history: nil, scroll: 0))
        #expect(effects == [.loadHistory(containerID: "c2", runtimeIfName: "eth0", ifName: "net1")])
        let attempt = AttemptRecord(containerID: "c2", runtimeIfName: "eth0", ifName: "net1", operation: .del,
                                    startedAt: F.now - 1000, durationMs: 30, error: "busy")
        let other = AttachmentKey(containerID: "c9", runtimeIfName: "eth0", ifName: "net1")
        let ignored = F.run(state, [.historyLoaded(other, [attempt])]).0
        #expect(ignored.overlay == state.overlay)
        let loaded = F.run(state, [.historyLoaded(key, [attempt]), .key(.char("j"))]).0
        #expect(loaded.overlay == .details(.attachment(key), history: [attempt], scroll: 1))
        #expect(F.run(loaded, [.key(.escape)]).0.overlay == InspectorOverlay.none)
    }

    @Test("Enter on a network opens its details without asking for a history")
    func networkDetails() {
        let (state, effects) = F.run(F.state(), [.key(.enter)])
        #expect(state.overlay == .details(.network(kind: .network, namespace: "kube-system", name: "bridge-b"),
                                          history: nil, scroll: 0))
        #expect(effects.isEmpty)
    }

    @Test("r asks for confirmation naming pod, network, interface and container; n cancels")
    func retryCancelled() {
        let state = F.run(onDelFailed(), [.key(.char("r"))]).0
        let target = RetryTarget(key: AttachmentKey(containerID: "c2", runtimeIfName: "eth0", ifName: "net1"),
                                 pod: "default/db-0", network: "default/macvlan-a")
        #expect(state.overlay == .confirmRetry(target))
        for key in [Key.char("n"), .char("N"), .escape] {
            let (next, effects) = F.run(state, [.key(key)])
            #expect(next.overlay == InspectorOverlay.none)
            #expect(effects.isEmpty)
        }
        let (ignored, effects) = F.run(state, [.key(.char("x")), .key(.enter)])
        #expect(ignored.overlay == .confirmRetry(target))
        #expect(effects.isEmpty)
    }

    @Test("y runs the retry, which ends in an outcome any key closes")
    func retryConfirmed() {
        let (state, effects) = F.run(onDelFailed(), [.key(.char("r")), .key(.char("y"))])
        #expect(effects == [.retry(containerID: "c2", ifName: "net1")])
        guard case .retrying = state.overlay else { Issue.record("not retrying: \(state.overlay)"); return }
        let done = F.run(state, [.retryFinished(containerID: "c2", ifName: "net1", success: true, message: "deleted")]).0
        guard case .outcome(let message, true) = done.overlay else { Issue.record("no outcome"); return }
        #expect(message.contains("succeeded") && message.contains("deleted"))
        #expect(F.run(done, [.key(.char("x"))]).0.overlay == InspectorOverlay.none)
    }

    @Test("r from the details of a failed teardown asks too")
    func retryFromDetails() {
        let state = F.run(onDelFailed(), [.key(.enter), .key(.char("r"))]).0
        guard case .confirmRetry = state.overlay else { Issue.record("no confirmation"); return }
    }

    @Test("read-only refuses r everywhere, and y even in a confirmation")
    func readOnlyRefuses() {
        let (state, effects) = F.run(onDelFailed(readOnly: true), [.key(.char("r"))])
        #expect(state.overlay == InspectorOverlay.none)
        #expect(effects.isEmpty)
        #expect(state.lastError?.contains("read-only") == true)
        #expect(F.run(state, [.key(.char("j"))]).0.lastError == nil)
        let details = F.run(onDelFailed(readOnly: true), [.key(.enter), .key(.char("r"))]).0
        guard case .details = details.overlay else { Issue.record("left the details"); return }
        var forced = onDelFailed(readOnly: true)
        forced.overlay = .confirmRetry(RetryTarget(key: AttachmentKey(containerID: "c2", runtimeIfName: "eth0",
                                                                      ifName: "net1"), pod: "p", network: "n"))
        let (after, none) = F.run(forced, [.key(.char("y"))])
        #expect(none.isEmpty)
        #expect(after.overlay == InspectorOverlay.none)
    }

    @Test("r refuses what is not a failed teardown")
    func retryOnlyFailedTeardowns() {
        let failedAdd = F.run(F.state(view: .failures), [.key(.char("j")), .key(.char("r"))]).0
        #expect(failedAdd.selectedRow?.record?.state == .addFailed)
        #expect(failedAdd.overlay == InspectorOverlay.none)
        #expect(failedAdd.lastError?.contains("add_failed") == true)
        let network = F.run(F.state(view: .networks), [.key(.char("r"))]).0
        #expect(network.overlay == InspectorOverlay.none && network.lastError != nil)
    }
}
