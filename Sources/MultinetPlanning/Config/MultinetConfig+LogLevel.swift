extension MultinetConfig.LogLevel {
    /// A threshold from its configuration text, in any case: multinet's names, or Multus's
    /// `panic` (shown as `error`: multinet never panics, its most severe lines are errors) and
    /// `verbose` (shown as `info`: one line per operation, as Multus's verbose lines are).
    public init?(configValue text: String) {
        let folded = ConfigReader.asciiLowercased(text)
        switch folded {
        case "panic": self = .error
        case "verbose": self = .info
        default:
            guard let level = Self(rawValue: folded) else { return nil }
            self = level
        }
    }
}
