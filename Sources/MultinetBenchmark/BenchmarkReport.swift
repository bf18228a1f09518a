/// Renders the benchmark's results as Markdown tables (pure; the README pastes them).
public enum BenchmarkReport {
    /// The comparison table: medians, min–max, ratio, added time and the target. `sides`
    /// names the two columns (multinet and the delegates called directly, unless a table
    /// compares two ways of running multinet).
    public static func comparisons(_ rows: [Comparison], sides: (String, String) = ("multinet", "direct")) -> String {
        var lines = [
            "| scenario | measure | \(sides.0) median (min–max) | \(sides.1) median (min–max) | ratio | added | target |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in rows {
            let target: String
            if let goal = row.target, let met = row.meetsTarget {
                target = "≤ \(format(goal, digits: 2))× \(met ? "met" : "**missed**")"
            } else {
                target = "–"
            }
            lines.append("| \(row.scenario) | \(row.measure) | \(spread(row.multinet)) | \(spread(row.direct)) | "
                + "\(row.ratio.map { format($0, digits: 2) + "×" } ?? "–") | "
                + "\(row.added.map { (($0 >= 0) ? "+" : "") + format($0, digits: 1) + " ms" } ?? "–") | \(target) |")
        }
        return lines.joined(separator: "\n")
    }

    /// A table of single measurements: median (min–max), unit, limit.
    public static func figures(_ rows: [Figure], title: String = "measure") -> String {
        var lines = ["| \(title) | median (min–max) | limit | note |", "|---|---|---|---|"]
        for row in rows {
            let limit: String
            if let value = row.limit, let within = row.withinLimit {
                limit = "< \(format(value, digits: 0)) \(row.unit) \(within ? "met" : "**missed**")"
            } else {
                limit = "–"
            }
            lines.append("| \(row.name) | \(spread(row.samples, unit: row.unit)) | \(limit) | \(row.note) |")
        }
        return lines.joined(separator: "\n")
    }

    /// `median (min–max)` with one decimal, or `–` without samples.
    static func spread(_ samples: Samples, unit: String = "ms") -> String {
        guard let median = samples.median, let low = samples.min, let high = samples.max else { return "–" }
        let digits = median < 10 ? 2 : 1
        return "\(format(median, digits: digits)) \(unit) (\(format(low, digits: digits))–\(format(high, digits: digits)))"
    }

    /// A number with a fixed count of decimals, rounded half away from zero.
    public static func format(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let sign = value < 0 && scaled > 0 ? "-" : ""
        let whole = Int(scaled / scale)
        guard digits > 0 else { return sign + String(whole) }
        let fraction = String(Int(scaled) - whole * Int(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
