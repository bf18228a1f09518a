/// The pure bookkeeping behind ``FaultInjector``: rules in the order they were added, each
/// used up after its count of requests (or never, when unlimited).
struct FaultPlan: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var matcher: RequestMatcher
        var action: FaultAction
        /// How many more requests it applies to; `nil` for all.
        var remaining: Int?
    }

    var rules: [Rule] = []
    /// Connections still to drop at accept time; `nil` for all.
    var handshakeDrops: Int? = 0

    /// The fault for a request, using up one count of the first matching rule.
    mutating func action(method: String, path: String) -> FaultAction? {
        guard let index = rules.firstIndex(where: { $0.matcher.matches(method: method, path: path) }) else {
            return nil
        }
        let action = rules[index].action
        if let remaining = rules[index].remaining {
            if remaining <= 1 { rules.remove(at: index) } else { rules[index].remaining = remaining - 1 }
        }
        return action
    }

    /// Whether a newly accepted connection must be dropped, using up one count.
    mutating func dropsConnectionAtAccept() -> Bool {
        switch handshakeDrops {
        case nil: return true
        case let count? where count > 0:
            handshakeDrops = count - 1
            return true
        default: return false
        }
    }
}
