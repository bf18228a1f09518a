/// The plugin's `timings` log lines (written at `debug`), gathered into per-phase
/// medians: the profile of where an invocation's time goes.
public struct PhaseProfile: Sendable, Equatable {
    /// Per phase (as named in the log, e.g. `delegate.add`), one sample per invocation
    /// that ran it: its total milliseconds in that invocation.
    public private(set) var phases: [String: Samples] = [:]
    /// The order phases first appeared in.
    public private(set) var order: [String] = []
    /// How many invocations were read.
    public private(set) var invocations = 0
    /// One sample per invocation that reported it: its peak resident set (`peakRSS`), in MB.
    public private(set) var peakRSS = Samples()
    /// One sample per invocation that reported it: the memory it alone held at its end
    /// (`privateRSS`, RssAnon), in MB.
    public private(set) var privateRSS = Samples()

    /// An empty profile.
    public init() {}

    /// Adds every `timings` line of `command` (`ADD`, `DEL`) in `log`; returns how many.
    @discardableResult
    public mutating func add(log: String, command: String) -> Int {
        var added = 0
        for line in log.split(separator: "\n") where line.contains(" timings ") {
            let fields = Self.fields(line)
            guard fields["command"] == command else { continue }
            invocations += 1
            added += 1
            if let peak = fields["peakRSS"].flatMap(Self.kilobytes) { peakRSS.append(peak / 1024) }
            if let own = fields["privateRSS"].flatMap(Self.kilobytes) { privateRSS.append(own / 1024) }
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                guard let milliseconds = Self.milliseconds(value) else { continue }
                if phases[key] == nil { order.append(key) }
                phases[key, default: Samples()].append(milliseconds)
            }
        }
        return added
    }

    /// `key=value` pairs of a log line (values have no spaces in `timings` lines).
    static func fields(_ line: Substring) -> [String: String] {
        var out: [String: String] = [:]
        for word in line.split(separator: " ") {
            guard let eq = word.firstIndex(of: "=") else { continue }
            out[String(word[..<eq])] = String(word[word.index(after: eq)...])
        }
        return out
    }

    /// `9876kB` → 9876; anything else → `nil`.
    static func kilobytes(_ value: String) -> Double? {
        guard value.hasSuffix("kB") else { return nil }
        return Double(value.dropLast(2))
    }

    /// `12.34ms` or `12.34ms/3` → 12.34; anything else → `nil`.
    static func milliseconds(_ value: String) -> Double? {
        let number = value.prefix { $0 != "m" }
        guard number.count < value.count, value.dropFirst(number.count).hasPrefix("ms") else { return nil }
        return Double(number)
    }
}
