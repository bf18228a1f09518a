import ArgumentParser

/// `-o table|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// `kubectl get -o wide`-like tables.
    case table
    /// The `--once -o json` document (README, "The inspector").
    case json
}
