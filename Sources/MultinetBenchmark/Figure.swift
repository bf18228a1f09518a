/// A figure the benchmark reports without a direct counterpart: the inspector's refresh
/// cost, the store's write cost, a phase of the profile.
public struct Figure: Sendable, Equatable {
    /// What was measured.
    public var name: String
    /// The samples.
    public var samples: Samples
    /// The unit, e.g. `ms` or `MB`.
    public var unit: String
    /// The limit it should stay under, if any (same unit).
    public var limit: Double?
    /// A note shown beside it.
    public var note: String

    /// A measurement.
    public init(name: String, samples: Samples, unit: String, limit: Double? = nil, note: String = "") {
        self.name = name
        self.samples = samples
        self.unit = unit
        self.limit = limit
        self.note = note
    }

    /// Whether the median is under the limit; `nil` without one.
    public var withinLimit: Bool? {
        guard let limit, let median = samples.median else { return nil }
        return median < limit
    }
}
