import ArgumentParser

/// `-o table|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// `kubectl get -o wide`-like tables.
    case table
    /// The DESIGN §6 JSON document.
    case json
}
