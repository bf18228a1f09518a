import Testing
@testable import MultinetInspector

@Suite("reducer: filter and selection identity")
struct ReducerFilterTests {
    typealias F = InspectorFixture

    @Test("/ edits the filter; it matches case-insensitively over the visible text")
    func editFilter() {
        var state = F.run(F.state(view: .pods), [.key(.char("/"))] + F.keys("DB-")).0
        #expect(state.editingFilter && state.filter == "DB-")
        #expect(state.visibleRows(.pods).map { $0.record?.podName } == ["db-0"])
        state = F.run(state, [.key(.backspace), .key(.backspace), .key(.backspace)] + F.keys("del_f")).0
        #expect(state.visibleRows(.pods).map { $0.record?.podName } == ["db-0"])
        state = F.run(state, [.key(.enter)]).0
        #expect(!state.editingFilter && state.filter == "del_f")
        // Keys are commands again; the filter stays.
        state = F.run(state, [.key(.char("1"))]).0
        #expect(state.view == .networks && state.visibleRows(.networks).isEmpty)
        state = F.run(state, [.key(.escape)]).0
        #expect(state.filter.isEmpty && state.visibleRows(.networks).count == 3)
    }

    @Test("Esc while editing clears the filter; q is text while editing")
    func escapeWhileEditing() {
        let (typed, effects) = F.run(F.state(), [.key(.char("/"))] + F.keys("q"))
        #expect(effects.isEmpty && typed.filter == "q")
        let cleared = F.run(typed, [.key(.escape)]).0
        #expect(!cleared.editingFilter && cleared.filter.isEmpty)
    }

    @Test("filter matches IPs, states and errors as shown")
    func filterVisibleText() {
        var state = F.state(view: .pods)
        state.filter = "fd00::5"
        #expect(state.visibleRows(.pods).map { $0.record?.ifName } == ["eth0"])
        state.filter = "✖"
        #expect(state.visibleRows(.pods).count == 2)
        state.view = .failures
        state.filter = "BUSY"
        #expect(state.visibleRows(.failures).map { $0.record?.podName } == ["db-0"])
    }

    @Test("the selection stays on its row when a refresh adds rows before it")
    func selectionFollowsIdentity() {
        var state = F.state(view: .pods)
        #expect(state.selectedRow?.record?.podName == "db-0")
        let newcomer = PodRow(namespace: "default", name: "aaa", uid: "u0", containerID: "c0", attachments: [
            F.record("c0", pod: ("default", "aaa"), ifName: "net1", network: "macvlan-a", state: .attached),
        ])
        state = F.run(state, [.snapshot(F.snapshot(pods: [newcomer, F.web, F.db, F.agent]))]).0
        #expect(state.selectedRow?.record?.podName == "db-0")
        #expect(state.position(.pods).selected == 1)
    }

    @Test("the selection clamps when its row and those after it disappear")
    func selectionClamps() {
        var state = F.run(F.state(view: .pods), [.key(.char("G"))]).0
        #expect(state.selectedRow?.record?.podName == "agent")
        state = F.run(state, [.snapshot(F.snapshot(pods: [F.web, F.db]))]).0
        #expect(state.position(.pods).selected == 2)
        #expect(state.selectedRow?.record?.ifName == "net1" && state.selectedRow?.record?.podName == "web-1")
        state = F.run(state, [.snapshot(F.snapshot(pods: []))]).0
        #expect(state.position(.pods).selected == 0 && state.selectedRow == nil)
    }

    @Test("a snapshot before any: the state starts empty and selects the first row when one comes")
    func firstSnapshot() {
        var state = InspectorState(width: 80, height: 24, now: F.now)
        #expect(state.visibleRows(.networks).isEmpty)
        state = F.run(state, [.snapshot(F.snapshot())]).0
        #expect(state.selectedRow?.network?.name == "bridge-b")
    }
}
