import Testing
@testable import MultinetCheckpoint

/// The transition table of ``AttachmentLifecycle``, written out pair by pair: every state
/// (and "no record") × every event, with where it leads.
@Suite("Attachment lifecycle: the transition table")
struct AttachmentLifecycleTests {
    /// Where one event leads from one state.
    enum Outcome: Hashable, Sendable, CustomStringConvertible {
        /// The record is then in this state.
        case to(AttachmentState)
        /// The record is removed (or there was none and there still is none).
        case gone
        /// The lifecycle refuses the event.
        case refused

        var description: String {
            switch self {
            case .to(let state): "→ \(state.rawValue)"
            case .gone: "→ gone"
            case .refused: "refused"
            }
        }
    }

    /// One (state, event) pair and its expected outcome; `state` `nil` is "no record".
    struct Row: Sendable, CustomTestStringConvertible {
        let state: AttachmentState?
        let event: AttachmentEvent
        let expected: Outcome

        init(_ state: AttachmentState?, _ event: AttachmentEvent, _ expected: Outcome) {
            self.state = state
            self.event = event
            self.expected = expected
        }

        var testDescription: String {
            "\(state?.rawValue ?? "no record") + \(event.rawValue) \(expected)"
        }
    }

    /// The whole table: 6 states (with "no record") × 6 events.
    static let table: [Row] = [
        // No record: only the first ADD creates one; removing nothing succeeds (DEL of an
        // unknown container); every other write names a missing record.
        Row(nil, .addStarted, .to(.adding)),
        Row(nil, .addSucceeded, .refused),
        Row(nil, .addFailed, .refused),
        Row(nil, .delStarted, .refused),
        Row(nil, .delSucceeded, .gone),
        Row(nil, .delFailed, .refused),

        // adding: the delegate's ADD is running, or a killed ADD left the record.
        Row(.adding, .addStarted, .to(.adding)),        // an ADD again over a killed one
        Row(.adding, .addSucceeded, .to(.attached)),
        Row(.adding, .addFailed, .to(.addFailed)),
        Row(.adding, .delStarted, .to(.deleting)),      // DEL or GC after a killed ADD; a failed rollback
        Row(.adding, .delSucceeded, .gone),
        Row(.adding, .delFailed, .to(.delFailed)),      // teardown whose write-ahead failed

        // attached
        Row(.attached, .addStarted, .refused),           // a second ADD without DEL
        Row(.attached, .addSucceeded, .to(.attached)),   // the result written again (kept)
        Row(.attached, .addFailed, .to(.addFailed)),     // rolled back: a later attachment failed
        Row(.attached, .delStarted, .to(.deleting)),
        Row(.attached, .delSucceeded, .gone),
        Row(.attached, .delFailed, .to(.delFailed)),     // teardown whose write-ahead failed

        // add_failed: rolled back or failed; kept for DEL.
        Row(.addFailed, .addStarted, .to(.adding)),      // retried ADD
        Row(.addFailed, .addSucceeded, .refused),
        Row(.addFailed, .addFailed, .to(.addFailed)),    // failed again (kept)
        Row(.addFailed, .delStarted, .to(.deleting)),
        Row(.addFailed, .delSucceeded, .gone),
        Row(.addFailed, .delFailed, .to(.delFailed)),    // teardown whose write-ahead failed

        // deleting: the delegate's DEL is running, or a killed DEL left the record.
        Row(.deleting, .addStarted, .to(.adding)),       // kept: an ADD over an unfinished DEL
        Row(.deleting, .addSucceeded, .refused),         // a DEL claimed the record mid-ADD
        Row(.deleting, .addFailed, .refused),
        Row(.deleting, .delStarted, .to(.deleting)),     // DEL again after a killed one
        Row(.deleting, .delSucceeded, .gone),
        Row(.deleting, .delFailed, .to(.delFailed)),

        // del_failed: kept for a retry.
        Row(.delFailed, .addStarted, .refused),          // must be torn down, not overwritten
        Row(.delFailed, .addSucceeded, .refused),
        Row(.delFailed, .addFailed, .refused),
        Row(.delFailed, .delStarted, .to(.deleting)),    // the retry (runtime, GC, inspector)
        Row(.delFailed, .delSucceeded, .gone),
        Row(.delFailed, .delFailed, .to(.delFailed)),    // teardown whose write-ahead failed
    ]

    static let key = AttachmentKey("c0ffee", "eth0", "net1")

    @Test("the table names every (state, event) pair exactly once, no record included")
    func tableIsComplete() {
        let states: [AttachmentState?] = [nil] + AttachmentState.allCases.map(Optional.some)
        var expected: [String] = []
        for state in states {
            for event in AttachmentEvent.allCases {
                expected.append("\(state?.rawValue ?? "none") \(event.rawValue)")
            }
        }
        let named = Self.table.map { "\($0.state?.rawValue ?? "none") \($0.event.rawValue)" }
        #expect(named.count == 36)
        #expect(Set(named).count == named.count, "a pair named twice")
        #expect(Set(named) == Set(expected))
    }

    @Test("the transition function goes where the table says, or refuses naming key, state and event",
          arguments: table)
    func transition(row: Row) {
        let outcome: Outcome
        do throws(AttachmentTransitionError) {
            outcome = try AttachmentLifecycle.transition(of: Self.key, from: row.state, on: row.event).map(Outcome.to) ?? .gone
        } catch {
            if let state = row.state {
                #expect(error == .notAllowed(key: Self.key, state: state, event: row.event))
            } else {
                #expect(error == .noRecord(key: Self.key, event: row.event))
            }
            #expect(error.key == Self.key)
            #expect(error.event == row.event)
            outcome = .refused
        }
        #expect(outcome == row.expected)
        #expect(AttachmentLifecycle.allows(row.event, from: row.state) == (row.expected != .refused))
    }

    @Test("a machine applies an allowed event and stays where it was on a refused one", arguments: table)
    func apply(row: Row) {
        var machine = AttachmentLifecycle(key: Self.key, state: row.state)
        do {
            try machine.apply(row.event)
            #expect(row.expected != .refused)
            #expect((machine.state.map(Outcome.to) ?? .gone) == row.expected)
        } catch {
            #expect(row.expected == .refused)
            #expect(machine.state == row.state)
        }
        #expect(machine.key == Self.key)
    }

    @Test("every event leads to one state whatever it came from (what the store writes)")
    func oneTargetPerEvent() {
        for event in AttachmentEvent.allCases {
            let targets = Set(Self.table.filter { $0.event == event && $0.expected != .refused }.map(\.expected))
            #expect(targets == [event.target.map(Outcome.to) ?? .gone], "\(event.rawValue)")
        }
    }

    @Test("allowedStates(before:) lists the table's allowed states of a record, in allCases order")
    func allowedStates() {
        for event in AttachmentEvent.allCases {
            let fromTable = Set(Self.table.filter { $0.event == event && $0.expected != .refused }.compactMap(\.state))
            let allowed = AttachmentLifecycle.allowedStates(before: event)
            #expect(Set(allowed) == fromTable, "\(event.rawValue)")
            #expect(allowed == AttachmentState.allCases.filter(fromTable.contains), "\(event.rawValue)")
        }
    }

    @Test("the normal lifecycle and its retries, one machine")
    func walk() throws {
        var machine = AttachmentLifecycle(key: Self.key, state: nil)
        for (event, state) in [(AttachmentEvent.addStarted, AttachmentState.adding), (.addFailed, .addFailed),
                               (.addStarted, .adding), (.addSucceeded, .attached), (.delStarted, .deleting),
                               (.delFailed, .delFailed), (.delStarted, .deleting)] {
            try machine.apply(event)
            #expect(machine.state == state, "after \(event.rawValue)")
        }
        try machine.apply(.delSucceeded)
        #expect(machine.state == nil)
    }

    @Test("a refusal's text names the event, the attachment and its state")
    func refusalText() {
        let refusal = AttachmentTransitionError.notAllowed(key: Self.key, state: .deleting, event: .addSucceeded)
        #expect(refusal.description
            == "a successful ADD refused: the attachment of container c0ffee, runtime interface eth0, interface net1 is deleting, which does not allow it")
        #expect(AttachmentTransitionError.noRecord(key: Self.key, event: .delFailed).description
            == "a failed DEL refused: no attachment recorded for container c0ffee, runtime interface eth0, interface net1")
    }
}
