import Testing
@testable import MultinetInspector

@Suite("reducer: views, navigation, sorting")
struct ReducerNavigationTests {
    typealias F = InspectorFixture

    @Test("Tab, Shift-Tab and 1 to 5 switch views", arguments: [
        (Key.tab, InspectorView.networks, InspectorView.pods),
        (.tab, .failures, .drift),
        (.tab, .events, .networks),
        (.backTab, .networks, .events),
        (.backTab, .drift, .failures),
        (.char("1"), .failures, .networks),
        (.char("2"), .networks, .pods),
        (.char("3"), .pods, .failures),
        (.char("4"), .pods, .drift),
        (.char("5"), .drift, .events),
    ])
    func switchViews(key: Key, from: InspectorView, to: InspectorView) {
        let (state, effects) = InspectorReducer.reduce(F.state(view: from), .key(key))
        #expect(state.view == to)
        #expect(effects.isEmpty)
    }

    @Test("q quits from the table, the help and the details")
    func quit() {
        #expect(InspectorReducer.reduce(F.state(), .key(.char("q"))).1 == [.quit])
        #expect(F.run(F.state(), [.key(.char("?")), .key(.char("q"))]).1 == [.quit])
        #expect(F.run(F.state(), [.key(.enter), .key(.char("q"))]).1 == [.quit])
    }

    @Test("j, k, G, g, PgDn and PgUp move the selection and clamp at the ends")
    func moveSelection() {
        var state = F.state(view: .pods, height: 8)  // body of 3 rows
        let count = state.visibleRows(.pods).count
        #expect(count == 7)
        state = F.run(state, [.key(.char("j")), .key(.down)]).0
        #expect(state.position(.pods).selected == 2)
        state = F.run(state, [.key(.char("k"))]).0
        #expect(state.position(.pods).selected == 1)
        state = F.run(state, [.key(.char("G"))]).0
        #expect(state.position(.pods).selected == count - 1)
        #expect(state.position(.pods).scroll == count - InspectorLayout(state).pageSize)
        state = F.run(state, [.key(.char("j"))]).0
        #expect(state.position(.pods).selected == count - 1)
        state = F.run(state, [.key(.char("g"))]).0
        #expect(state.position(.pods).selected == 0 && state.position(.pods).scroll == 0)
        state = F.run(state, [.key(.pageDown)]).0
        #expect(state.position(.pods).selected == InspectorLayout(state).pageSize)
        state = F.run(state, [.key(.pageUp), .key(.up)]).0
        #expect(state.position(.pods).selected == 0)
    }

    @Test("each view keeps its own selection")
    func selectionPerView() {
        let state = F.run(F.state(view: .pods), [.key(.char("j")), .key(.char("j")), .key(.char("1")),
                                                 .key(.char("j")), .key(.char("2"))]).0
        #expect(state.position(.pods).selected == 2)
        #expect(state.position(.networks).selected == 1)
    }

    @Test("s cycles the sort column, S reverses it, and the selection follows its row")
    func sorting() {
        var state = F.run(F.state(view: .networks), [.key(.char("j"))]).0
        #expect(state.visibleRows(.networks).map { $0.network!.name } == ["bridge-b", "broken-c", "macvlan-a"])
        #expect(state.selectedRow?.network?.name == "broken-c")
        state = F.run(state, [.key(.char("S"))]).0
        #expect(state.sort(.networks) == TableSort(column: 0, descending: true))
        #expect(state.visibleRows(.networks).map { $0.network!.name } == ["macvlan-a", "broken-c", "bridge-b"])
        #expect(state.selectedRow?.network?.name == "broken-c")
        state = F.run(state, [.key(.char("j")), .key(.char("s"))]).0
        #expect(state.sort(.networks) == TableSort(column: 1, descending: false))
        #expect(state.visibleRows(.networks).map { $0.network!.name } == ["broken-c", "macvlan-a", "bridge-b"])
        #expect(state.selectedRow?.network?.name == "bridge-b")
        #expect(state.position(.networks).selected == 2)
        for _ in 0..<6 { state = F.run(state, [.key(.char("s"))]).0 }
        #expect(state.sort(.networks).column == 0)
    }

    @Test("numbers and ages sort numerically")
    func numericSort() {
        var state = F.state(view: .failures)
        state.sorts[.failures] = TableSort(column: 5, descending: true)  // TRIES
        #expect(state.visibleRows(.failures).map { $0.record!.attempts } == [3, 2])
        state.sorts[.failures] = TableSort(column: 6)  // LAST: most recent first
        #expect(state.visibleRows(.failures).map { $0.record!.podName } == ["agent", "db-0"])
    }

    @Test("resize and tick update the size and the clock; the selection stays visible")
    func resizeAndTick() {
        var state = F.run(F.state(view: .pods), [.key(.char("G"))]).0
        state = F.run(state, [.resize(width: 40, height: 7), .tick(now: F.now + 5000)]).0
        #expect(state.width == 40 && state.height == 7 && state.now == F.now + 5000)
        let position = state.position(.pods)
        let page = InspectorLayout(state).pageSize
        #expect(position.selected >= position.scroll && position.selected < position.scroll + page)
    }
}
