/// One row of the benchmark table: multinet against calling the delegates directly, from
/// one interleaved run (A, B, A, B, …).
public struct Comparison: Sendable, Equatable {
    /// The scenario's letter and name, e.g. `(a) default network only`.
    public var scenario: String
    /// What was timed on each side, e.g. `ADD+DEL`.
    public var measure: String
    /// Through multinet.
    public var multinet: Samples
    /// The delegates called directly, as a runtime would without multinet.
    public var direct: Samples
    /// The target for the ratio of medians, if it has one.
    public var target: Double?

    /// A row.
    public init(scenario: String, measure: String, multinet: Samples, direct: Samples, target: Double? = nil) {
        self.scenario = scenario
        self.measure = measure
        self.multinet = multinet
        self.direct = direct
        self.target = target
    }

    /// multinet's median over the direct median; `nil` without samples or with a zero median.
    public var ratio: Double? {
        guard let m = multinet.median, let d = direct.median, d > 0 else { return nil }
        return m / d
    }

    /// What multinet adds, in the samples' unit: the difference of the medians.
    public var added: Double? {
        guard let m = multinet.median, let d = direct.median else { return nil }
        return m - d
    }

    /// Whether the ratio is within the target; `nil` without a target or a ratio.
    public var meetsTarget: Bool? {
        guard let target, let ratio else { return nil }
        return ratio <= target
    }
}
