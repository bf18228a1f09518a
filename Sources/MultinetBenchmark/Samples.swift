/// Measurements of one side of a comparison, in milliseconds (or any unit), with the
/// order statistics the benchmark reports.
public struct Samples: Sendable, Equatable {
    /// The measurements in the order they were taken.
    public var values: [Double]

    /// Samples over `values`.
    public init(_ values: [Double] = []) {
        self.values = values
    }

    /// Adds one measurement.
    public mutating func append(_ value: Double) {
        values.append(value)
    }

    /// How many measurements there are.
    public var count: Int { values.count }

    /// The median (the mean of the two middle values for an even count); `nil` when empty.
    public var median: Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The smallest measurement; `nil` when empty.
    public var min: Double? { values.min() }

    /// The largest measurement; `nil` when empty.
    public var max: Double? { values.max() }
}
